using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// An offer nobody answers does not hold its seat for good. One coalition seat, ranked P then Q by the stream; both
/// want it. Round 1 offers it to P, who lets the deadline pass. Round 2 lapses P's offer and offers the seat to Q,
/// and never offers the coalition to P again.
/// </summary>
public abstract class OfferLapseTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected OfferLapseTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private async Task<Dictionary<string, int?>> RunAndPublishAsync()
    {
        var placed = await MatchScenario.RunAsync(core);
        Assert.Null(await MatchScenario.PublishLatestAsync(core));
        return placed;
    }

    [Fact]
    public async Task An_offer_left_unanswered_past_its_deadline_lapses_at_the_next_run_which_gives_the_seat_to_the_next_applicant()
    {
        var p = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var q = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var c = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        await MatchScenario.RankAsync(core, [(c, [p, q])], [(p, [c]), (q, [c])]);
        Assert.Equal((c, (int?)null), ((await RunAndPublishAsync())[p]!.Value, (await OffersAsync()).GetValueOrDefault(q)?.StreamId));

        core.Clock.Now = core.Clock.Now.AddDays(4);
        var late = await core.RunAsync<CohortDbContext, int>(db => db.Offers.Where(o => o.ApplicantId == p).Select(o => o.Id).SingleAsync());
        Assert.Contains("deadline to answer this offer passed", await core.RunAsync<RespondToOffer, string?>(r => r.RunAsync(new Actor(p, p), late, accept: true)), StringComparison.Ordinal);
        var second = await RunAndPublishAsync();

        Assert.Equal((c, (int?)null), (second[q]!.Value, second.GetValueOrDefault(p)));
        var offers = await OffersAsync();
        Assert.Equal(OfferState.Lapsed, offers[p].State);
        Assert.Equal(OfferState.Pending, offers[q].State);
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.AuditEntries.AnyAsync(e => e.Action == "offer.lapsed" && e.Subject == $"offer:{late}")));
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.Subject.EndsWith(" lapsed"))));
    }

    private Task<Dictionary<string, Offer>> OffersAsync() =>
        core.RunAsync<CohortDbContext, Dictionary<string, Offer>>(db => db.Offers.AsNoTracking().ToDictionaryAsync(o => o.ApplicantId));
}

public sealed class OfferLapseOnSqlite(SqliteCore core) : OfferLapseTests(core), IClassFixture<SqliteCore>;

public sealed class OfferLapseOnPostgres(PostgresCore core) : OfferLapseTests(core), IClassFixture<PostgresCore>;
