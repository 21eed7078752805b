using Cohort.Core.Api;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>attempts</c>: every attempt at the season's assessments (stage 2 and streams' follow-ups), one row each, with
/// its times, its score as the score tables count it, and one column per item (<c>ASSESSMENT.qN</c>, N its place in
/// the assessment) holding the item's points. Identified adds the applicant's name and email; both views carry the
/// applicant's general application id, the key the other exports share.
/// </summary>
public sealed class AttemptsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "attempts";
    public override string Title => "Assessment attempts with item scores";
    public override string Scope => ApiScopes.ApplicationsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var items = await db.Set<AssessmentItem>().AsNoTracking()
            .Where(i => db.Assessments.Any(a => a.Id == i.AssessmentId && a.Track!.SeasonId == request.SeasonId))
            .Select(i => new { i.Id, i.AssessmentId, i.Position, Assessment = db.Assessments.Where(a => a.Id == i.AssessmentId).Select(a => a.Slug).First() })
            .ToListAsync(cancellation);
        var itemColumns = items.OrderBy(i => i.AssessmentId).ThenBy(i => i.Position).GroupBy(i => i.AssessmentId)
            .SelectMany(g => g.Select((item, n) => (item.Id, Column: $"{item.Assessment}.q{n + 1}"))).ToList();
        var attempts = await ExportPaging.AllAsync(after => AttemptsWithScores.After(db, new AttemptFilter(request.SeasonId), after), a => a.Id, cancellation);
        List<string> columns =
        [
            "id", .. IdentityColumns(request.View), "application_id", "assessment", "stream",
            "started_at", "deadline", "submitted_at", "closed_at", "auto_score", "reviewed_points", "awaiting_review", "total",
            .. itemColumns.Select(c => c.Column),
        ];
        return new(columns, attempts.Select(a =>
        {
            var points = a.Items.ToDictionary(i => i.ItemId, i => i.Points);
            var score = a.Score;
            return (object?[])
            [
                a.Id, .. IdentityCells(request.View, a.Name, a.Email), a.ApplicationId, a.Assessment, a.Stream,
                a.StartedAt, a.Deadline, a.SubmittedAt, a.ClosedAt, a.AutoScore, score.ReviewedPoints, score.AwaitingReview, score.Total,
                .. itemColumns.Select(c => (object?)points.GetValueOrDefault(c.Id)),
            ];
        }).ToList());
    }
}
