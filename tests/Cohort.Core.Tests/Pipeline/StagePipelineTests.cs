using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Pipeline;

/// <summary>The stage 2 and stage 3 tables: who is in them, their scores and progress, their filters and decisions.</summary>
public abstract class StagePipelineTests
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected StagePipelineTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<PipelineView?> FindAsync(StageKind stage, PipelineFilter filter) =>
        core.RunAsync<FindApplications, PipelineView?>(find => find.RunAsync(stage, filter));

    private Task<DecisionOutcome> DecideAsync(StageKind stage, Decision decision, params int[] ids) =>
        core.RunAsync<DecideApplications, DecisionOutcome>(decide => decide.RunAsync(Admin, stage, ids, decision));

    /// <summary>Gives the applicant of <paramref name="applicationId"/> attempts at the season's assessments, closed with these scores, or open where null.</summary>
    private Task AttemptsAsync(int applicationId, params double?[] scores) =>
        core.RunAsync<CohortDbContext, int>(async db =>
        {
            var applicant = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ApplicantId).SingleAsync();
            var assessments = await db.Assessments.OrderBy(x => x.Id).Select(x => x.Id).ToListAsync();
            var now = core.Clock.GetUtcNow().UtcDateTime;
            db.Attempts.AddRange(scores.Select((score, i) => new Attempt
            {
                AssessmentId = assessments[i], ApplicantId = applicant, StartedAt = now, Deadline = now.AddHours(1), UpdatedAt = now,
                ClosedAt = score is null ? null : now, SubmittedAt = score is null ? null : now, AutoScore = score,
            }));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Stage_2_lists_only_applicants_advanced_at_stage_1_highest_summed_score_first_and_filters_by_score()
    {
        var strong = await core.AddAsync(ApplicationState.Submitted);
        var weak = await core.AddAsync(ApplicationState.Submitted);
        var notAdvanced = await core.AddAsync(ApplicationState.Submitted);
        await DecideAsync(StageKind.General, Decision.Advance, strong, weak);
        double?[] strongScores = [3.5, 2];
        double?[] weakScores = [1.25, null];
        await AttemptsAsync(strong, strongScores);
        await AttemptsAsync(weak, weakScores);

        var view = await FindAsync(StageKind.Assessment, new PipelineFilter());

        var rows = view!.Rows.Where(r => r.Id == strong || r.Id == weak || r.Id == notAdvanced).ToList();
        Assert.Equal([strong, weak], rows.Select(r => r.Id));
        Assert.Equal([strongScores.Sum(), weakScores.Sum()], rows.Select(r => r.Score));
        Assert.All(rows, r => Assert.Equal(ApplicationState.Submitted, r.State));
        Assert.Contains("1 in progress", rows[1].Progress, StringComparison.Ordinal);
        var threshold = (strongScores.Sum()!.Value + weakScores.Sum()!.Value) / 2;
        var filtered = await FindAsync(StageKind.Assessment, new PipelineFilter(MinScore: threshold));
        Assert.Contains(filtered!.Rows, r => r.Id == strong);
        Assert.DoesNotContain(filtered.Rows, r => r.Id == weak);
    }

    [Fact]
    public async Task Reviewers_points_count_in_the_stage_2_score_and_answers_still_to_review_are_shown_as_awaiting()
    {
        var applicationId = await core.AddAsync(ApplicationState.Submitted);
        await DecideAsync(StageKind.General, Decision.Advance, applicationId);
        const double reviewed = 3.5;
        var autoScore = await core.RunAsync<CohortDbContext, double>(async db =>
        {
            var now = core.Clock.GetUtcNow().UtcDateTime;
            var applicant = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ApplicantId).SingleAsync();
            var assessment = await AssessmentStageAttempts.AssessmentAsync(db, now);
            var attempt = await AssessmentStageAttempts.AttemptAsync(db, assessment, applicant,
                new Dictionary<ItemKind, string> { [ItemKind.MultipleChoice] = "Yes", [ItemKind.FreeText] = "The confound is the date.", [ItemKind.Code] = "probe.fit(x)" }, now);
            var reviewer = await AssessmentStageAttempts.AccountAsync(db, "Pipeline Reviewer", $"reviewer-{Guid.NewGuid():N}@example.net");
            db.AnswerReviews.Add(new AnswerReview { AnswerId = AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText), ReviewerId = reviewer, Points = reviewed, ReviewedAt = now });
            await db.SaveChangesAsync();
            return attempt.AutoScore!.Value;
        });

        var row = (await FindAsync(StageKind.Assessment, new PipelineFilter()))!.Rows.Single(r => r.Id == applicationId);

        Assert.Equal(autoScore + reviewed, row.Score);
        Assert.Contains("1 answer awaiting review", row.Progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_3_has_a_row_per_submitted_stream_application_filters_by_stream_and_decides_each_on_its_own()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var drafter = await applicants.NewAsync();
        await applicants.ChooseAsync(drafter, StreamsStageApplicants.Coalition);
        var coalition = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var ids = await core.RunAsync<CohortDbContext, Dictionary<int, string>>(db => db.StreamApplications
            .Where(a => a.ApplicantId == applicant || a.ApplicantId == drafter).ToDictionaryAsync(a => a.Id, a => a.ApplicantId));
        var names = await core.RunAsync<CohortDbContext, Dictionary<int, string>>(db => db.StreamApplications
            .Where(a => a.ApplicantId == applicant).Include(a => a.Stream).ToDictionaryAsync(a => a.Id, a => a.Stream!.Name));

        var view = await FindAsync(StageKind.Streams, new PipelineFilter());
        var onlyCoalition = await FindAsync(StageKind.Streams, new PipelineFilter(StreamId: coalition));

        var mine = view!.Rows.Where(r => ids.ContainsKey(r.Id)).ToList();
        Assert.Equal(names.OrderBy(n => n.Key), mine.OrderBy(r => r.Id).Select(r => KeyValuePair.Create(r.Id, r.Stream)));
        var coalitionRow = Assert.Single(onlyCoalition!.Rows, r => ids.ContainsKey(r.Id));
        var otherRow = mine.Single(r => r.Id != coalitionRow.Id);

        var outcome = await DecideAsync(StageKind.Streams, Decision.Advance, coalitionRow.Id);

        Assert.Equal((1, 0), (outcome.Decided, outcome.Skipped));
        var states = await core.RunAsync<CohortDbContext, Dictionary<int, ApplicationState>>(db => db.StreamApplications
            .Where(a => a.ApplicantId == applicant).ToDictionaryAsync(a => a.Id, a => a.State));
        Assert.Equal(ApplicationState.Advanced, states[coalitionRow.Id]);
        Assert.Equal(ApplicationState.Submitted, states[otherRow.Id]);
        var entry = Assert.Single(await core.RunAsync<CohortDbContext, List<AuditEntry>>(db =>
            db.AuditEntries.Where(e => e.Subject == $"stream-application:{coalitionRow.Id}" && e.Actor == Admin.Name).ToListAsync()));
        Assert.Equal(("stream-application.advanced", "Submitted → Advanced"), (entry.Action, entry.Details));
    }
}

public sealed class StagePipelineOnSqlite(SqliteCore core) : StagePipelineTests(core), IClassFixture<SqliteCore>;

public sealed class StagePipelineOnPostgres(PostgresCore core) : StagePipelineTests(core), IClassFixture<PostgresCore>;
