using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Pipeline;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>A stage's score table read from the database: the chosen rounds' calibration, the assessment part and the composite.</summary>
public abstract class FindScoreTableTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");

    private Task<ScoreTable?> TableAsync(StageKind stage, params int[] rounds) =>
        core.RunAsync<FindScoreTable, ScoreTable?>(find => find.RunAsync(stage, null, rounds));

    private Task<string?> WeighAsync(StageKind stage, Dictionary<string, double> weights) =>
        core.RunAsync<CompositeWeights, string?>(w => w.SetAsync(Admin, stage, weights));

    [Fact]
    public async Task The_score_table_calibrates_the_open_and_closed_rounds_and_composes_the_weighted_parts()
    {
        int[] subjects = [await core.AddAsync(ApplicationState.Submitted), await core.AddAsync(ApplicationState.Submitted), await core.AddAsync(ApplicationState.Submitted)];
        var (open, draft, assessment, autoScore) = await core.RunAsync<CohortDbContext, (ReviewRound, ReviewRound, Assessment, double)>(async db =>
        {
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 2);
            var open = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, "First read");
            var draft = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Draft, "Second read");
            (int Subject, int Reviewer, double Score)[] reviews = [(subjects[0], 0, 8), (subjects[0], 1, 7), (subjects[1], 0, 4), (subjects[1], 1, 5)];
            foreach (var (subject, reviewer, score) in reviews)
            {
                await SubmittedReviews.ReviewAsync(db, open, subject, reviewers[reviewer], score);
            }

            await SubmittedReviews.ReviewAsync(db, draft, subjects[2], reviewers[0], 9);
            var assessment = await AssessmentStageAttempts.AssessmentAsync(db, core.Clock.GetUtcNow().UtcDateTime);
            var applicant = await db.Applications.Where(a => a.Id == subjects[0]).Select(a => a.ApplicantId).SingleAsync();
            var attempt = await AssessmentStageAttempts.AttemptAsync(db, assessment, applicant, new Dictionary<ItemKind, string> { [ItemKind.MultipleChoice] = "Yes" }, core.Clock.GetUtcNow().UtcDateTime);
            return (open, draft, assessment, attempt.AutoScore!.Value);
        });
        Assert.Null(await WeighAsync(StageKind.General, new() { [CompositePart.RoundKey(open.Id)] = 0.6, [CompositePart.AssessmentKey(assessment.Id)] = 0.4 }));
        var usedByDefault = await core.RunAsync<CohortDbContext, List<ReviewScore>>(async db => (await db.ReviewAssignments
                .Where(a => a.Review != null && a.Round!.Stage == StageKind.General && a.Round.State != ReviewRoundState.Draft)
                .Select(a => new { a.SubjectId, a.ReviewerId, a.Review!.Overall }).ToListAsync())
            .Select(a => new ReviewScore(a.SubjectId, a.ReviewerId, a.Overall)).ToList());

        var table = (await TableAsync(StageKind.General))!;

        var expected = Calibration.Fit(usedByDefault);
        var ownRound = Calibration.Fit(usedByDefault.Where(r => subjects.Contains(r.Subject)).ToList());
        var rows = subjects.Select(s => table.Rows.Single(r => r.Row.Id == s)).ToList();
        Assert.Equal(expected.Subjects[subjects[0]].Calibrated, rows[0].Score!.Calibrated, 10);
        Assert.Equal(7.5, rows[0].Score!.RawMean, 10);
        Assert.Null(rows[2].Score);
        var onTen = 10 * autoScore / assessment.Items.Sum(i => i.Points);
        Assert.Equal(onTen, rows[0].Parts[CompositePart.AssessmentKey(assessment.Id)]!.Value, 10);
        Assert.Equal((0.6 * ownRound.Subjects[subjects[0]].Calibrated + 0.4 * onTen) / 1.0, rows[0].Composite.Value!.Value, 10);
        Assert.False(rows[0].Composite.Incomplete);
        Assert.Equal(new CompositeScore(ownRound.Subjects[subjects[1]].Calibrated, true), rows[1].Composite);
        Assert.Equal(new CompositeScore(null, true), rows[2].Composite);
        Assert.Equal((true, false), (table.Rounds.Single(r => r.Id == open.Id).Chosen, table.Rounds.Single(r => r.Id == draft.Id).Chosen));
        Assert.Equal((4, 2), (table.Rounds.Single(r => r.Id == open.Id).Reviews, table.Rounds.Single(r => r.Id == open.Id).Subjects));

        var draftOnly = (await TableAsync(StageKind.General, draft.Id))!;

        Assert.Null(draftOnly.Rows.Single(r => r.Row.Id == subjects[0]).Score);
        Assert.Equal(1, draftOnly.Rows.Single(r => r.Row.Id == subjects[2]).Score!.ReviewCount);
        Assert.Equal([draft.Id], draftOnly.Rounds.Where(r => r.Chosen).Select(r => r.Id));
    }

    [Fact]
    public async Task Weights_outside_0_to_100_or_of_parts_the_stage_does_not_have_are_refused_and_a_saved_change_is_audited()
    {
        var round = await core.RunAsync<CohortDbContext, ReviewRound>(db => SubmittedReviews.RoundAsync(db, StageKind.Streams, ReviewRoundState.Open, "Stream read"));
        var key = CompositePart.RoundKey(round.Id);

        Assert.NotNull(await WeighAsync(StageKind.Streams, new() { [key] = -1 }));
        Assert.NotNull(await WeighAsync(StageKind.Streams, new() { [key] = CompositeWeights.MaxWeight + 1 }));
        Assert.NotNull(await WeighAsync(StageKind.Streams, new() { [CompositePart.RoundKey(round.Id + 1000)] = 1 }));
        Assert.Empty(await core.RunAsync<CohortDbContext, List<ScoreWeight>>(db => db.ScoreWeights.Where(w => w.RoundId == round.Id).ToListAsync()));

        Assert.Null(await WeighAsync(StageKind.Streams, new() { [key] = 0.35 }));

        var saved = Assert.Single(await core.RunAsync<CohortDbContext, List<ScoreWeight>>(db => db.ScoreWeights.Where(w => w.RoundId == round.Id).ToListAsync()));
        Assert.Equal((StageKind.Streams, 0.35), (saved.Stage, saved.Weight));
        var entry = Assert.Single(await core.RunAsync<CohortDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.Action == "composite.weights" && e.Subject == "stage:streams").ToListAsync()));
        Assert.Contains("Stream read × 0.35", entry.Details, StringComparison.Ordinal);
    }
}

public sealed class FindScoreTableOnSqlite(SqliteCore core) : FindScoreTableTests(core), IClassFixture<SqliteCore>;

public sealed class FindScoreTableOnPostgres(PostgresCore core) : FindScoreTableTests(core), IClassFixture<PostgresCore>;
