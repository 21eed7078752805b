using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// A subject's research statement as a reviewer of its round may read it, blind as the season's settings say: the
/// answers to the questions marked as the research statement, or, when the form marks none, its long written answers.
/// Bidders read it, and the semantic affinity compares it, so the sentences an affinity quotes ("why") are never more
/// than a reviewer may see.
/// </summary>
public static class ResearchStatement
{
    public static async Task<BlindApplication> ReadAsync(CohortDbContext db, ReviewRound round, int subjectId, CancellationToken cancellation)
    {
        var statement = await BlindApplication.ReadAsync(db, round, subjectId, q => q.IsResearchStatement, cancellation);
        return statement.Sections.Count > 0 ? statement
            : await BlindApplication.ReadAsync(db, round, subjectId, q => q.Kind == QuestionKind.LongText, cancellation);
    }

    /// <summary>The statement's written answers as one text, a paragraph each (so no sentence runs into the next answer).</summary>
    public static string TextOf(BlindApplication statement) =>
        string.Join("\n\n", statement.Sections.SelectMany(s => s.Answers).Where(a => a.Kind is BlindAnswerKind.Text or BlindAnswerKind.Code).Select(a => a.Text));
}
