using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// A stage's score table (of one stream's applications, for stage 3 when a stream is given): every submitted row of the
/// stage's pipeline table with its calibrated review score over the chosen rounds, given each application's topic,
/// and its composite. By default the
/// open and closed rounds are chosen; drafts have no reviews yet. A weighted round's part is that round's own
/// calibration, whatever rounds are chosen for the review columns, so the composite means what its weights say.
/// </summary>
public sealed class FindScoreTable(CohortDbContext db, FindApplications find, CompositeWeights weights)
{
    public Task<ScoreTable?> RunAsync(StageKind stage, int? streamId, IReadOnlyCollection<int>? chosenRounds, CancellationToken cancellation = default) =>
        RunAsync(null, stage, streamId, chosenRounds, cancellation);

    /// <summary>The same in season <paramref name="seasonId"/> (the current one when null): the rankings export reads any season.</summary>
    public async Task<ScoreTable?> RunAsync(int? seasonId, StageKind stage, int? streamId, IReadOnlyCollection<int>? chosenRounds, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(FindScoreTable));
        span?.SetTag("cohort.stage.kind", StageKinds.Name(stage));
        var view = await find.RunAsync(stage, new PipelineFilter(StreamId: streamId, SeasonId: seasonId), cancellation);
        if (view is null || await db.Seasons.AsNoTracking().CurrentOrAsync(seasonId, cancellation) is not { } season)
        {
            return null;
        }

        var rounds = await db.ReviewRounds.AsNoTracking()
            .Where(r => r.SeasonId == season.Id && r.Stage == stage && (streamId == null || r.StreamId == streamId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, r.State, r.StreamId,
                Assignments = r.Assignments.Count,
                Reviews = r.Assignments.Count(a => a.Review != null),
                Declined = r.Assignments.Count(a => a.State == AssignmentState.Declined),
                Subjects = r.Assignments.Select(a => a.SubjectId).Distinct().Count(),
            })
            .ToListAsync(cancellation);
        var chosen = chosenRounds is { Count: > 0 }
            ? rounds.Where(r => chosenRounds.Contains(r.Id)).Select(r => r.Id).ToHashSet()
            : rounds.Where(r => r.State != ReviewRoundState.Draft).Select(r => r.Id).ToHashSet();
        // A stream's score table weighs only its own rounds: another stream's round has none of its subjects.
        var roundKeys = rounds.Select(r => CompositePart.RoundKey(r.Id)).ToHashSet();
        var weighted = (await weights.CandidatesAsync(season.Id, stage, cancellation))
            .Where(p => p.Weight > 0 && (p.IsAssessment || roundKeys.Contains(p.Key))).ToList();

        var weightedRounds = rounds.Select(r => r.Id).Where(r => weighted.Any(p => p.Key == CompositePart.RoundKey(r))).ToList();
        var reviews = await ReviewsAsync(chosen.Union(weightedRounds).ToList(), cancellation);
        // Topics let calibration tell a strong topic from a lenient panel (docs/decisions/calibration.md).
        var topics = (await SubjectTopics.OfApplicationsAsync(db, season.Id, stage, reviews.Select(r => r.Score.Subject).Distinct().ToList(), cancellation)).Known;
        var calibration = Calibration.Fit(reviews.Where(r => chosen.Contains(r.Round)).Select(r => r.Score).ToList(), topics);
        var partValues = new Dictionary<string, Func<PipelineRow, double?>>();
        foreach (var round in weightedRounds)
        {
            var fit = Calibration.Fit(reviews.Where(r => r.Round == round).Select(r => r.Score).ToList(), topics);
            partValues[CompositePart.RoundKey(round)] = row => fit.Subjects.TryGetValue(row.Id, out var s) ? Math.Clamp(s.Calibrated, 0, 10) : null;
        }

        var submitted = view.Rows.Where(r => r.State != ApplicationState.Draft).ToList();
        foreach (var (key, value) in await AssessmentPartsAsync(submitted, weighted.Where(p => p.IsAssessment).Select(p => p.Id).ToList(), cancellation))
        {
            partValues[key] = value;
        }

        var rows = submitted.Select(row =>
        {
            var values = weighted.ToDictionary(p => p.Key, p => partValues[p.Key](row));
            return new ScoreTableRow(row, calibration.Subjects.GetValueOrDefault(row.Id), values, Composite.Of(weighted, values));
        }).ToList();
        return new ScoreTable(view,
            rounds.Select(r => new ScoreTableRound(r.Id, r.Name, r.State, r.StreamId, r.Assignments, r.Reviews, r.Declined, r.Subjects, chosen.Contains(r.Id))).ToList(),
            weighted, rows, calibration);
    }

    private sealed record RoundReview(int Round, ReviewScore Score);

    private async Task<List<RoundReview>> ReviewsAsync(List<int> rounds, CancellationToken cancellation) =>
        (await db.ReviewAssignments.AsNoTracking()
            .Where(a => rounds.Contains(a.RoundId) && a.Review != null)
            .Select(a => new { a.RoundId, a.SubjectId, a.ReviewerId, a.Review!.Overall })
            .ToListAsync(cancellation))
        .Select(a => new RoundReview(a.RoundId, new ReviewScore(a.SubjectId, a.ReviewerId, a.Overall)))
        .ToList();

    /// <summary>
    /// Each weighted assessment's score of each row's applicant, on 0–10: the total of their closed attempt (automatic
    /// points plus reviewers' so far) over the assessment's points. An attempt not handed in is a missing part.
    /// </summary>
    private async Task<Dictionary<string, Func<PipelineRow, double?>>> AssessmentPartsAsync(List<PipelineRow> rows, List<int> assessmentIds, CancellationToken cancellation)
    {
        if (assessmentIds.Count == 0)
        {
            return [];
        }

        var generalIds = rows.Select(r => r.GeneralApplicationId).Distinct().ToList();
        var applicants = await db.Applications.AsNoTracking().Where(a => generalIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ApplicantId, cancellation);
        var maxPoints = await db.Set<AssessmentItem>().AsNoTracking().Where(i => assessmentIds.Contains(i.AssessmentId))
            .GroupBy(i => i.AssessmentId).Select(g => new { g.Key, Points = g.Sum(i => i.Points) }).ToDictionaryAsync(g => g.Key, g => (double)g.Points, cancellation);
        var attempts = db.Attempts.AsNoTracking().Where(t => assessmentIds.Contains(t.AssessmentId) && t.ClosedAt != null
            && db.Applications.Any(a => generalIds.Contains(a.Id) && a.ApplicantId == t.ApplicantId));
        var scores = await AttemptScores.OfAsync(db, attempts, cancellation);
        var totals = (await attempts.Select(t => new { t.Id, t.AssessmentId, t.ApplicantId }).ToListAsync(cancellation))
            .Where(t => scores[t.Id].Total is not null)
            .GroupBy(t => (t.AssessmentId, t.ApplicantId))
            .ToDictionary(g => g.Key, g => g.Max(t => scores[t.Id].Total!.Value));
        return assessmentIds.ToDictionary(CompositePart.AssessmentKey, id => (Func<PipelineRow, double?>)(row =>
            applicants.TryGetValue(row.GeneralApplicationId, out var applicant) && totals.TryGetValue((id, applicant), out var total)
                ? Composite.OnTenPoints(total, maxPoints.GetValueOrDefault(id))
                : null));
    }
}
