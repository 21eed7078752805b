using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics;

/// <summary>The demo's activity gives every chart of the assessments section something to draw.</summary>
public abstract class AssessmentsAnalyticsDemoTests(CoreServicesFixture core)
{
    [Fact]
    public async Task Every_chart_of_the_demo_season_has_something_to_draw()
    {
        var season = await core.RunAsync<CohortDbContext, int>(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync());

        var section = await core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
            topics.Single(t => t.Key == "assessments").BuildAsync(new AnalyticsScope(season, null, TimeZoneInfo.Utc), default));

        Assert.All(section.Charts, chart => Assert.Null(chart.Empty));
        Assert.All(section.Charts, chart => Assert.NotEmpty(chart.Table.Rows));
        // Both assessments' attempts have their time charts, and every attempt (32 invited, each at both) is counted once.
        var times = section.Charts.Where(c => c.Key.StartsWith("time-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["time-research-taste", "time-technical-implementation"], times.Select(c => c.Key).Order());
        Assert.All(times, chart => Assert.Equal(32, chart.Table.Rows.Sum(r => (int)r[1]!)));
        var difficulty = Assert.IsType<BarFigure>(section.Charts.Single(c => c.Key == "difficulty").Figure);
        Assert.All(difficulty.Series.Single().Values, share => Assert.InRange(share, 0.05, 0.95));
    }
}

public sealed class AssessmentsAnalyticsDemoOnSqlite(SqliteActivityCore core) : AssessmentsAnalyticsDemoTests(core), IClassFixture<SqliteActivityCore>;

public sealed class AssessmentsAnalyticsDemoOnPostgres(PostgresActivityCore core) : AssessmentsAnalyticsDemoTests(core), IClassFixture<PostgresActivityCore>;
