using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics;

/// <summary>
/// The demo gives the match and offers sections something to draw: this season's two tried runs (<see cref="DemoAnalyticsMatch"/>)
/// every chart of the match, and last year's answered offers the offers charts but the refills, since every one of
/// last year's offers was accepted and no seat came free.
/// </summary>
public abstract class DemoMatchAndOffersTests(CoreServicesFixture core)
{
    [Fact]
    public async Task The_demo_draws_every_match_chart_this_season_and_last_years_answered_offers()
    {
        var (current, past) = await core.RunAsync<CohortDbContext, (int, int)>(async db =>
            ((await db.Seasons.SingleAsync(s => s.IsCurrent)).Id, (await db.Seasons.SingleAsync(s => !s.IsCurrent)).Id));

        var match = await core.SectionAsync("match", current);
        var offers = await core.SectionAsync("offers", past);

        Assert.All(match.Charts, chart => Assert.True(chart.Empty is null, $"{chart.Key}: {chart.Empty}"));
        Assert.All(offers.Charts.Where(chart => chart.Key != "refilled"), chart => Assert.True(chart.Empty is null, $"{chart.Key}: {chart.Empty}"));
    }
}

public sealed class DemoMatchAndOffersOnSqlite(SqliteActivityCore core) : DemoMatchAndOffersTests(core), IClassFixture<SqliteActivityCore>;

public sealed class DemoMatchAndOffersOnPostgres(PostgresActivityCore core) : DemoMatchAndOffersTests(core), IClassFixture<PostgresActivityCore>;
