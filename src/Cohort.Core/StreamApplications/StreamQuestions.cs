using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

public static class StreamQuestions
{
    /// <summary>The questions any of <paramref name="streamIds"/> asks, each once however many streams share it.</summary>
    public static Task<List<StreamQuestion>> AskedByAsync(CohortDbContext db, IReadOnlyCollection<int> streamIds, CancellationToken cancellation) =>
        db.StreamQuestions.Include(q => q.AskedBy)
            .Where(q => q.AskedBy.Any(a => streamIds.Contains(a.StreamId)))
            .OrderBy(q => q.Position).ThenBy(q => q.Id)
            .ToListAsync(cancellation);

    public static Task<Dictionary<int, string>> AnswersAsync(CohortDbContext db, string applicantId, CancellationToken cancellation) =>
        db.StreamAnswers.Where(a => a.ApplicantId == applicantId).ToDictionaryAsync(a => a.QuestionId, a => a.Value, cancellation);
}
