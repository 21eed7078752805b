using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Match;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Offers;

/// <summary>
/// The offers section on the cycle of <see cref="OfferCycleTests"/>, solved by hand: two one-seat streams C and I,
/// three applicants. C ranks P, Q, R; I ranks Q, R, P; P and Q prefer C, R prefers I. Round 1 offers P the coalition
/// and Q Internals; 30 hours later P accepts and Q declines. Round 2, published then, offers R Internals, the seat Q
/// freed; R has not answered yet.
/// </summary>
public abstract class OffersAnalyticsTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected OffersAnalyticsTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task Two_rounds_count_their_answers_by_round_and_stream_time_the_answers_and_count_the_refilled_seat()
    {
        var p = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var q = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var r = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var c = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var i = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        await MatchScenario.RankAsync(core, [(c, [p, q, r]), (i, [q, r, p])], [(p, [c, i]), (q, [c, i]), (r, [i, c])]);
        await MatchScenario.RunAsync(core);
        Assert.Null(await MatchScenario.PublishLatestAsync(core));
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen.AddHours(30);
        Assert.Null(await RespondAsync(p, accept: true));
        Assert.Null(await RespondAsync(q, accept: false));
        await MatchScenario.RunAsync(core);
        Assert.Null(await MatchScenario.PublishLatestAsync(core));
        var season = await applicants.SeasonIdAsync();
        var names = await core.RunAsync<CohortDbContext, Dictionary<int, string>>(db => db.Streams.Where(s => s.Track!.SeasonId == season).ToDictionaryAsync(s => s.Id, s => s.Name));
        var (coalition, internals) = (names[c], names[i]);

        var section = await core.SectionAsync("offers", season);

        var (round1, round2) = (StreamsStageApplicants.StreamsStageOpen.UtcDateTime, StreamsStageApplicants.StreamsStageOpen.UtcDateTime.AddHours(30));
        Assert.Equal([["Round 1", $"{round1:yyyy-MM-dd HH:mm}", "2", "1", "1", "0", "0", "50"], ["Round 2", $"{round2:yyyy-MM-dd HH:mm}", "1", "0", "0", "0", "1", ""]],
            section.Rows("by-round"));
        Assert.Equal(new[] { new[] { coalition, "1", "1", "1", "0", "0", "0", "100" }, [internals, "1", "2", "0", "1", "0", "1", "0"] }.OrderBy(row => row[0], StringComparer.Ordinal),
            section.Rows("by-stream"));
        var answers = section.Rows("time-to-answer");
        Assert.Equal(["1 to 2 days", "1", "1"], answers.Single(row => row[1] != "0" || row[2] != "0"));
        Assert.Equal([[internals, "1", "1", "0"]], section.Rows("refilled"));
        Assert.All(section.Charts, chart => Assert.Null(chart.Empty));
        // The numbers are the offers table's own: every offer of the season counted once.
        Assert.Equal(await core.RunAsync<CohortDbContext, int>(db => db.Offers.CountAsync(o => o.SeasonId == season)),
            section.Chart("by-round").Table.Rows.Sum(row => (int)row[2]!));

        var coalitionView = await core.SectionAsync("offers", season, c);

        Assert.Equal([["Round 1", $"{round1:yyyy-MM-dd HH:mm}", "1", "1", "0", "0", "0", "100"], ["Round 2", $"{round2:yyyy-MM-dd HH:mm}", "0", "0", "0", "0", "0", ""]],
            coalitionView.Rows("by-round"));
        Assert.Equal([[coalition, "1", "1", "1", "0", "0", "0", "100"]], coalitionView.Rows("by-stream"));
        Assert.NotNull(coalitionView.Chart("refilled").Empty);
        Assert.DoesNotContain(internals, coalitionView.Text(), StringComparison.Ordinal);
    }

    private Task<string?> RespondAsync(string applicant, bool accept) => core.RunAsync<RespondToOffer, string?>(async respond =>
    {
        var offer = await core.RunAsync<CohortDbContext, int>(db => db.Offers.Where(o => o.ApplicantId == applicant).Select(o => o.Id).SingleAsync());
        return await respond.RunAsync(new Actor(applicant, applicant), offer, accept);
    });
}

public sealed class OffersAnalyticsOnSqlite(SqliteCore core) : OffersAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class OffersAnalyticsOnPostgres(PostgresCore core) : OffersAnalyticsTests(core), IClassFixture<PostgresCore>;
