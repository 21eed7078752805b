using Cohort.Core.Catalogue;

namespace Cohort.Core.Applications;

/// <summary>
/// What a general application must satisfy to be submitted: every question's <see cref="AnswerRules"/> and the season's
/// <see cref="Eligibility"/>. One rule for the applicant's own submit and for an import of answers given elsewhere.
/// </summary>
public static class GeneralApplicationRules
{
    /// <param name="answersByQuestion">The answer text by question id (a file answer as its file id).</param>
    public static List<AnswerProblem> Check(Season season, IEnumerable<Question> questions, IReadOnlyDictionary<int, string> answersByQuestion)
    {
        var ordered = questions.OrderBy(q => q.Position).ToList();
        var problems = ordered
            .SelectMany(q => AnswerRules.Check(q, answersByQuestion.GetValueOrDefault(q.Id), submitting: true))
            .ToList();
        problems.AddRange(Eligibility.Check(season, ordered, answersByQuestion));
        return problems;
    }
}
