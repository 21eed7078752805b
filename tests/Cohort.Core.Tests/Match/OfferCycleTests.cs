using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// The whole cycle on an instance solved by hand: two streams of one seat (C and I), three applicants who applied to
/// both. C ranks P, Q, R; I ranks Q, R, P. P and Q prefer C, R prefers I. Round 1, applicants proposing: P gets C, Q
/// (turned down by C) gets I, R is left out. P accepts, Q declines I. Round 2: P has left, C has no seat left, I's
/// seat is free and Q may not have it again, so R gets I and Q stays out.
/// </summary>
public abstract class OfferCycleTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected OfferCycleTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<Dictionary<string, int?>> RunAsync() => MatchScenario.RunAsync(core);

    private Task<string?> PublishLatestAsync() => MatchScenario.PublishLatestAsync(core);

    private Task<string?> RespondAsync(string applicant, int stream, bool accept) => core.RunAsync<RespondToOffer, string?>(async respond =>
    {
        var offer = await core.RunAsync<CohortDbContext, int>(db => db.Offers.Where(o => o.ApplicantId == applicant && o.StreamId == stream).Select(o => o.Id).SingleAsync());
        return await respond.RunAsync(new Actor(applicant, applicant), offer, accept);
    });

    [Fact]
    public async Task Rankings_a_certified_match_offers_an_accept_and_a_decline_and_a_second_round_that_fills_the_freed_seat()
    {
        var p = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var q = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var r = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var c = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var i = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        await MatchScenario.RankAsync(core,
            [(c, [p, q, r]), (i, [q, r, p])],
            [(p, [c, i]), (q, [c, i]), (r, [i, c])]);

        var first = await RunAsync();
        Assert.Equal((c, i, (int?)null), (first[p]!.Value, first[q]!.Value, first[r]));
        Assert.Null(await PublishLatestAsync());
        Assert.Contains("cannot be published twice", await PublishLatestAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("An offer from"))));

        Assert.Equal("There is no such offer.", await core.RunAsync<RespondToOffer, string?>(async respond =>
            await respond.RunAsync(new Actor(r, r), await core.RunAsync<CohortDbContext, int>(db => db.Offers.Where(o => o.ApplicantId == p).Select(o => o.Id).SingleAsync()), accept: true)));
        Assert.Null(await RespondAsync(p, c, accept: true));
        Assert.Null(await RespondAsync(q, i, accept: false));
        Assert.Contains("already accepted", await RespondAsync(p, c, accept: false), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Withdrawn, await core.RunAsync<CohortDbContext, ApplicationState>(db =>
            db.StreamApplications.Where(a => a.ApplicantId == p && a.StreamId == i).Select(a => a.State).SingleAsync()));

        var second = await RunAsync();
        Assert.False(second.ContainsKey(p));
        Assert.Equal((i, (int?)null), (second[r]!.Value, second[q]));
        Assert.Null(await PublishLatestAsync());
        Assert.Equal(OfferState.Pending, await core.RunAsync<CohortDbContext, OfferState>(db => db.Offers.Where(o => o.ApplicantId == r).Select(o => o.State).SingleAsync()));
    }
}

public sealed class OfferCycleOnSqlite(SqliteCore core) : OfferCycleTests(core), IClassFixture<SqliteCore>;

public sealed class OfferCycleOnPostgres(PostgresCore core) : OfferCycleTests(core), IClassFixture<PostgresCore>;
