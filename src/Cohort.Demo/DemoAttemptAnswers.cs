using System.Globalization;
using Cohort.Core.Assessments;

namespace Cohort.Demo;

/// <summary>
/// What the demo's applicants answered in their assessment attempts, so the item analysis on /admin/analytics has
/// answers to read: the abler the applicant, the likelier each automatically scored item is right, as a real test's
/// items behave. Items reviewers score are left unanswered: an empty answer scores 0 and fills nobody's review queue,
/// which stays as the demo had it.
/// </summary>
internal static class DemoAttemptAnswers
{
    /// <summary>
    /// Answers the attempt's automatically scored items as an applicant of <paramref name="ability"/> (0 to 1) would,
    /// hands it in after most of its time (the ablest a little sooner), and closes it, which scores it.
    /// </summary>
    public static void HandIn(Attempt attempt, Assessment assessment, double ability, Random random)
    {
        foreach (var item in assessment.Items.Where(i => i.IsScoredAutomatically).OrderBy(i => i.Position))
        {
            attempt.Answers.Add(new AttemptAnswer { ItemId = item.Id, Value = Answer(item, ability, random), SavedAt = attempt.StartedAt.AddMinutes(5 + (5 * item.Position)) });
        }

        var share = Math.Clamp(0.55 + (0.4 * random.NextDouble()) - (0.15 * ability), 0.3, 0.98);
        var handedIn = attempt.StartedAt.AddMinutes(Math.Round(assessment.TimeLimitMinutes * share));
        attempt.SubmittedAt = handedIn;
        attempt.Close(handedIn, assessment.Items);
    }

    private static string Answer(AssessmentItem item, double ability, Random random) => item.Kind switch
    {
        ItemKind.MultipleChoice => Right(ability, 0.65, random) ? item.AnswerKey : Pick(item.Choices.Where(c => c != item.AnswerKey).ToList(), random),
        ItemKind.Numeric => Right(ability, 0.6, random) ? item.AnswerKey : Pick(WrongNumbers(item), random),
        ItemKind.Ordering => Order(item, (int)Math.Round(((1 - ability) * 6) + random.NextDouble() - 0.5), random),
        _ => "",
    };

    /// <summary>
    /// Right with a chance that climbs steeply through <paramref name="difficulty"/>, a logistic item curve. The demo invites
    /// only its abler two thirds to the assessments, so the items are set hard enough to tell those apart.
    /// </summary>
    private static bool Right(double ability, double difficulty, Random random) =>
        random.NextDouble() < 1 / (1 + Math.Exp(-10 * (ability - difficulty)));

    /// <summary>The slips a hurried applicant makes on a fraction: the inverse, the complement, a percentage.</summary>
    private static List<string> WrongNumbers(AssessmentItem item) =>
        AutoScoring.ParseNumber(item.AnswerKey) is { } key and not 0
            ? [(1 / key).ToString("0.##", CultureInfo.InvariantCulture), (1 - key).ToString("0.##", CultureInfo.InvariantCulture), (key * 100).ToString("0", CultureInfo.InvariantCulture)]
            : ["1"];

    /// <summary>
    /// The right order with <paramref name="swaps"/> neighbours swapped (never the pair just swapped back), written as the
    /// place given to each option in the options' order.
    /// </summary>
    private static string Order(AssessmentItem item, int swaps, Random random)
    {
        var order = item.KeyOrder.ToList();
        var last = -1;
        for (var s = 0; s < swaps; s++)
        {
            var at = random.Next(order.Count - 1);
            at = at == last ? (at + 1) % (order.Count - 1) : at;
            (order[at], order[at + 1]) = (order[at + 1], order[at]);
            last = at;
        }

        return string.Join('\n', item.Choices.Select(option => (order.IndexOf(option) + 1).ToString(CultureInfo.InvariantCulture)));
    }

    private static string Pick(IReadOnlyList<string> options, Random random) => options[random.Next(options.Count)];
}
