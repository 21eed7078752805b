using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Pipeline;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Funnel;

/// <summary>The funnel counts what the pipeline's tables count, for the same season and stream.</summary>
public abstract class FunnelAnalyticsTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected FunnelAnalyticsTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<PipelineView?> PipelineAsync(StageKind stage, int? streamId = null) =>
        core.RunAsync<FindApplications, PipelineView?>(find => find.RunAsync(stage, new PipelineFilter(StreamId: streamId)));

    private static int Reached(Chart chart, string step) => chart.Cell<int>(step, "reached");

    /// <summary>
    /// Applicants at every step: a draft, a withdrawal and a rejection at stage 1, applicants waiting, rejected and
    /// advanced at the assessments, and stream applicants with an interview, an offer and an acceptance.
    /// </summary>
    private async Task SeasonInMotionAsync()
    {
        await core.AddAsync(ApplicationState.Draft);
        await core.AddAsync(ApplicationState.Withdrawn);
        await core.AddAsync(ApplicationState.Rejected);
        await core.AddAsync(ApplicationState.Waitlisted);
        await applicants.NewAsync(assessmentState: ApplicationState.Submitted);
        await applicants.NewAsync(assessmentState: ApplicationState.Rejected);
        var interviewed = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var offered = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var accepted = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var coalition = await db.Streams.Where(s => s.Slug == StreamsStageApplicants.Coalition).Select(s => s.Id).SingleAsync();
            var now = core.Clock.GetUtcNow().UtcDateTime;
            db.InterviewSlots.Add(new InterviewSlot { StreamId = coalition, StartsAt = now.AddDays(-1), Minutes = 45, Location = "Room 2", BookedById = interviewed, BookedAt = now.AddDays(-2) });
            await db.SaveChangesAsync();
            var applications = await db.StreamApplications.Where(a => a.ApplicantId == offered || a.ApplicantId == accepted).ToListAsync();
            await HeldOffers.PutAsync(db, applications.First(a => a.ApplicantId == offered && a.StreamId == coalition).Id, OfferState.Pending);
            await HeldOffers.PutAsync(db, applications.Single(a => a.ApplicantId == accepted).Id, OfferState.Accepted);
            return 0;
        });
    }

    [Fact]
    public async Task Each_step_counts_the_rows_the_pipeline_tables_count()
    {
        await SeasonInMotionAsync();
        var season = await applicants.SeasonIdAsync();

        var funnel = (await core.SectionAsync("funnel", season)).Charts.Single(c => c.Key == "funnel");

        var general = (await PipelineAsync(StageKind.General))!.Rows;
        var assessments = (await PipelineAsync(StageKind.Assessment))!.Rows;
        var streams = (await PipelineAsync(StageKind.Streams))!.Rows.Where(r => Submissions.Were(r.State, r.SubmittedAt)).ToList();
        Assert.Equal(general.Count, Reached(funnel, "Signed up"));
        Assert.Equal(general.Count(r => Submissions.Were(r.State, r.SubmittedAt)), Reached(funnel, "Stage 1 submitted"));
        Assert.Equal(general.Count(r => r.State == ApplicationState.Rejected), funnel.Cell<int>("Stage 1 submitted", "rejected"));
        Assert.Equal(assessments.Count, Reached(funnel, "Stage 2 invited"));
        Assert.Equal(assessments.Count(r => r.State == ApplicationState.Advanced), Reached(funnel, "Passed"));
        Assert.Equal(assessments.Count(r => r.State == ApplicationState.Rejected),
            new[] { "Stage 2 invited", "Attempted", "Passed" }.Sum(step => funnel.Cell<int>(step, "rejected")));
        Assert.Equal(streams.Select(r => r.Email).Distinct().Count(), Reached(funnel, "Stage 3 applied"));
        Assert.All(funnel.Table.Rows, row => Assert.Equal(row[5], (int)row[1]! + (int)row[2]! + (int)row[3]! + (int)row[4]!));
    }

    [Fact]
    public async Task Each_stream_from_stage_3_on_counts_its_pipeline_rows_its_interviews_offers_and_acceptances()
    {
        await SeasonInMotionAsync();
        var season = await applicants.SeasonIdAsync();
        var coalition = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var internals = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        var expected = await core.RunAsync<CohortDbContext, Dictionary<int, (string Label, int Interviews, int Offers, int Accepted)>>(async db =>
            (await db.Streams.Where(s => s.Id == coalition || s.Id == internals).Select(s => new
            {
                s.Id, s.Name, Mentors = s.Mentors.Count,
                Interviews = db.InterviewSlots.Count(i => i.StreamId == s.Id && i.BookedById != null),
                Offers = db.Offers.Count(o => o.StreamId == s.Id), Accepted = db.Offers.Count(o => o.StreamId == s.Id && o.State == OfferState.Accepted),
            }).ToListAsync()).ToDictionary(s => s.Id, s => (s.Mentors > 1 ? $"{s.Name} (coalition)" : s.Name, s.Interviews, s.Offers, s.Accepted)));

        var byStream = (await core.SectionAsync("funnel", season)).Charts.Single(c => c.Key == "streams");
        var onlyCoalition = (await core.SectionAsync("funnel", season, coalition)).Charts.Single(c => c.Key == "funnel");

        foreach (var stream in new[] { coalition, internals })
        {
            var rows = (await PipelineAsync(StageKind.Streams, stream))!.Rows.Count(r => Submissions.Were(r.State, r.SubmittedAt));
            var (label, interviews, offers, acceptances) = expected[stream];
            Assert.Equal((rows, interviews, offers, acceptances),
                (byStream.Cell<int>(label, "applied"), byStream.Cell<int>(label, "interviewed"), byStream.Cell<int>(label, "offered"), byStream.Cell<int>(label, "accepted")));
        }

        var (coalitionLabel, coalitionInterviews, coalitionOffers, _) = expected[coalition];
        Assert.Equal(byStream.Cell<int>(coalitionLabel, "applied"), Reached(onlyCoalition, "Applied"));
        Assert.Equal((coalitionInterviews, coalitionOffers), (Reached(onlyCoalition, "Interviewed"), Reached(onlyCoalition, "Offered")));
        Assert.True(onlyCoalition.Cell<int>("Offered", "waiting") >= 1, "The pending offer waits for its answer at the offered step.");
    }

    [Fact]
    public async Task A_withdrawal_and_a_rejection_count_where_they_happened()
    {
        var season = await applicants.SeasonIdAsync();
        var before = (await core.SectionAsync("funnel", season)).Charts.Single(c => c.Key == "funnel");
        await core.AddAsync(ApplicationState.Draft);
        var rejected = await core.AddAsync(ApplicationState.Submitted);
        var withdrawn = await core.AddAsync(ApplicationState.Submitted);
        await core.RunAsync<DecideApplications, DecisionOutcome>(decide => decide.RunAsync(new("admin-id", "admin@example.net"), StageKind.General, [rejected], Decision.Reject));
        var (applicant, form) = await core.RunAsync<CohortDbContext, (string, int)>(async db =>
            await db.Applications.Where(a => a.Id == withdrawn).Select(a => new ValueTuple<string, int>(a.ApplicantId, a.FormId)).SingleAsync());
        Assert.Null(await core.RunAsync<WithdrawApplication, string?>(withdraw => withdraw.RunAsync(applicant, form)));

        var after = (await core.SectionAsync("funnel", season)).Charts.Single(c => c.Key == "funnel");

        int Change(string step, string column) => after.Cell<int>(step, column) - before.Cell<int>(step, column);
        Assert.Equal((3, 2), (Change("Signed up", "reached"), Change("Stage 1 submitted", "reached")));
        Assert.Equal((1, 0, 0), (Change("Signed up", "waiting"), Change("Signed up", "withdrew or declined"), Change("Signed up", "rejected")));
        Assert.Equal((0, 1, 1), (Change("Stage 1 submitted", "waiting"), Change("Stage 1 submitted", "withdrew or declined"), Change("Stage 1 submitted", "rejected")));
    }
}

public sealed class FunnelAnalyticsOnSqlite(SqliteCore core) : FunnelAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class FunnelAnalyticsOnPostgres(PostgresCore core) : FunnelAnalyticsTests(core), IClassFixture<PostgresCore>;
