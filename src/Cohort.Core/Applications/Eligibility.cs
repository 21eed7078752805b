using Cohort.Core.Catalogue;

namespace Cohort.Core.Applications;

/// <summary>The season's eligibility rules, evaluated from the answers an applicant gave.</summary>
public static class Eligibility
{
    public static IEnumerable<AnswerProblem> Check(Season season, IEnumerable<Question> questions, IReadOnlyDictionary<int, string> answersByQuestion)
    {
        foreach (var question in questions.Where(q => q.Identity == IdentityFlag.DateOfBirth))
        {
            if (!answersByQuestion.TryGetValue(question.Id, out var text) || AnswerRules.ParseDate(text) is not { } birth)
            {
                continue;
            }

            var age = AgeOn(birth, season.ProgrammeStart);
            if (age < season.MinimumAge)
            {
                yield return new(question.Key,
                    $"You must be {season.MinimumAge} or older on {season.ProgrammeStart:d MMMM yyyy}, when the programme starts; " +
                    $"with this date of birth you would be {age}.");
            }
        }
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
