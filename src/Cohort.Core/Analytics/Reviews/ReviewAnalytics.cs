using Cohort.Core.Analytics.Charts;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>
/// Review quality (docs/analytics.md, "Review quality"): for the season's open and closed review rounds (of one stream
/// when the scope names one), each round's scores by criterion, each stage's reviewer leniency with its 95% interval
/// and the rank calibration moved each subject by (both from the stage's score table, the one the admin cuts on),
/// each round's inter-rater reliability, and the reviews the open rounds still wait for. Draft rounds are left out:
/// reviewers do not see them yet. Admins only: it names reviewers.
/// </summary>
public sealed class ReviewAnalytics(CohortDbContext db, FindScoreTable scoreTables) : IAnalyticsTopic
{
    public string Key => "reviews";

    public string Title => "Review quality";

    public bool ByStream => true;

    public bool ForMentors => false;

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var rounds = await db.ReviewRounds.AsNoTracking()
            .Where(r => r.SeasonId == scope.SeasonId && r.State != ReviewRoundState.Draft && (scope.StreamId == null || r.StreamId == scope.StreamId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new AnalysedRound(r.Id, r.Name, r.Stage, r.State, r.RubricId))
            .ToListAsync(cancellation);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => roundIds.Contains(a.RoundId))
            .Select(a => new AnalysedAssignment(a.RoundId, a.SubjectId, a.ReviewerId, a.State, a.Review != null ? a.Review.Overall : null))
            .ToListAsync(cancellation);
        var reviewerIds = assignments.Select(a => a.ReviewerId).Distinct().ToList();
        var reviewers = new ReviewerNames(await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellation));

        var charts = new List<Chart>();
        charts.AddRange(await ScoreDistributionsAsync(rounds, cancellation));
        var tables = await ScoreTablesAsync(rounds, scope, cancellation);
        charts.AddRange(tables.Select(t => LeniencyChart.Of(t.Stage, t.Table, assignments, reviewers)));
        charts.Add(ReliabilityChart.Of(rounds, assignments));
        charts.AddRange(tables.Select(t => CalibrationSlopeChart.Of(t.Stage, t.Table, withStream: scope.StreamId is null)));
        charts.Add(MissingReviewsChart.Of(rounds, assignments, reviewers));
        return new AnalyticsSection(Key, Title, ReviewNotes.All, charts);
    }

    private async Task<List<Chart>> ScoreDistributionsAsync(List<AnalysedRound> rounds, CancellationToken cancellation)
    {
        var roundIds = rounds.Select(r => r.Id).ToList();
        var rubricIds = rounds.Select(r => r.RubricId).Distinct().ToList();
        // One grouped count per round, criterion and point: the distribution is aggregated in the database, not loaded mark by mark.
        // Joined rather than navigated: a projection inside SelectMany needs SQL APPLY, which SQLite lacks.
        var marks = await db.Set<CriterionScore>().AsNoTracking()
            .Join(db.Set<ReviewSubmission>(), s => s.ReviewSubmissionId, r => r.Id, (s, r) => new { s.CriterionId, s.Value, r.AssignmentId })
            .Join(db.ReviewAssignments.Where(a => roundIds.Contains(a.RoundId)), m => m.AssignmentId, a => a.Id, (m, a) => new { a.RoundId, m.CriterionId, m.Value })
            .GroupBy(m => new { m.RoundId, m.CriterionId, m.Value })
            .Select(g => new MarkCount(g.Key.RoundId, g.Key.CriterionId, g.Key.Value, g.Count()))
            .ToListAsync(cancellation);
        var criteria = await db.Set<RubricCriterion>().AsNoTracking().Where(c => rubricIds.Contains(c.RubricId))
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new CriterionScale(c.Id, c.RubricId, c.Name, c.ScaleMin, c.ScaleMax))
            .ToListAsync(cancellation);
        var marksOf = marks.ToLookup(m => m.RoundId);
        var criteriaOf = criteria.ToLookup(c => c.RubricId);
        // A round with no review yet has nothing to draw; the reliability table and the missing reviews still list it.
        return rounds.Where(r => marksOf[r.Id].Any() && criteriaOf[r.RubricId].Any())
            .Select(r => ScoreDistributionChart.Of(r, criteriaOf[r.RubricId].ToList(), marksOf[r.Id].ToList()))
            .ToList();
    }

    /// <summary>
    /// The score table of each selection stage that has rounds in scope, as the admin's score page builds it by default
    /// (its open and closed rounds, of the scope's stream at stage 3, every stream's together otherwise).
    /// </summary>
    private async Task<List<(StageKind Stage, ScoreTable Table)>> ScoreTablesAsync(List<AnalysedRound> rounds, AnalyticsScope scope, CancellationToken cancellation)
    {
        var tables = new List<(StageKind, ScoreTable)>();
        foreach (var stage in StageKinds.Selection.Where(s => rounds.Any(r => r.Stage == s)))
        {
            var streamId = stage == StageKind.Streams ? scope.StreamId : null;
            if (await scoreTables.RunAsync(scope.SeasonId, stage, streamId, null, cancellation) is { } table)
            {
                tables.Add((stage, table));
            }
        }

        return tables;
    }
}

/// <summary>A review round as the charts read it.</summary>
internal sealed record AnalysedRound(int Id, string Name, StageKind Stage, ReviewRoundState State, int RubricId);

/// <summary>One assignment of a round: who reads what, where it stands, and the review's overall score (0–10) once submitted.</summary>
internal sealed record AnalysedAssignment(int RoundId, int SubjectId, string ReviewerId, AssignmentState State, double? Overall);

/// <summary>How many reviews of a round gave a criterion a point.</summary>
internal sealed record MarkCount(int RoundId, int CriterionId, int Value, int Reviews);

internal sealed record CriterionScale(int Id, int RubricId, string Name, int ScaleMin, int ScaleMax);

/// <summary>Reviewers by their display names; an account without one is named by the start of its id, so no label is blank.</summary>
internal sealed class ReviewerNames(IReadOnlyDictionary<string, string> names)
{
    public string Of(string reviewerId) => names.GetValueOrDefault(reviewerId) is { Length: > 0 } name ? name : $"Reviewer {reviewerId[..Math.Min(8, reviewerId.Length)]}";
}
