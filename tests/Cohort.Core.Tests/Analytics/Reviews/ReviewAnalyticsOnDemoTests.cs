using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Reviews;

/// <summary>The review quality section on the demo season: every chart has something to show, for all streams and for the coalition's.</summary>
public abstract class ReviewAnalyticsOnDemoTests(CoreServicesFixture core)
{
    private Task<AnalyticsSection> SectionAsync(int seasonId, int? streamId) =>
        core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
            topics.Single(t => t.Key == "reviews").BuildAsync(new AnalyticsScope(seasonId, streamId, TimeZoneInfo.Utc), CancellationToken.None));

    [Fact]
    public async Task Every_chart_of_the_demo_season_has_something_to_show_and_the_missing_reviews_are_the_open_rounds_unanswered_assignments()
    {
        var (seasonId, coalitionId, unanswered) = await core.RunAsync<CohortDbContext, (int, int, int)>(async db =>
        {
            var season = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
            var coalition = await db.Streams.Where(s => s.Track!.SeasonId == season && s.Slug == DemoArtifacts.CoalitionSlug).Select(s => s.Id).SingleAsync();
            var unanswered = await db.ReviewAssignments.CountAsync(a => a.Round!.SeasonId == season && a.Round.State == ReviewRoundState.Open && a.State == AssignmentState.Assigned);
            return (season, coalition, unanswered);
        });

        var all = await SectionAsync(seasonId, null);
        var coalition = await SectionAsync(seasonId, coalitionId);

        Assert.All(all.Charts.Concat(coalition.Charts), chart => Assert.True(chart.Empty is null, $"{chart.Key}: {chart.Empty}"));
        Assert.Subset(all.Charts.Select(c => c.Key).ToHashSet(), new HashSet<string> { "leniency-general", "leniency-streams", "reliability", "slope-general", "slope-streams", "missing" });
        Assert.True(unanswered > 0);
        Assert.Equal(unanswered, ((BarFigure)all.Charts.Single(c => c.Key == "missing").Figure).Series.Sum(s => s.Values.Sum()));
        Assert.Equal(Math.Min(50, DemoActivity.ApplicantCount), ((SlopeFigure)all.Charts.Single(c => c.Key == "slope-general").Figure).Slopes.Count);
    }

    [Fact]
    public async Task Last_years_season_which_had_no_review_round_says_so_instead_of_drawing()
    {
        var past = await core.RunAsync<CohortDbContext, int>(db => db.Seasons.Where(s => !s.IsCurrent).Select(s => s.Id).SingleAsync());

        var section = await SectionAsync(past, null);

        Assert.Equal(["reliability", "missing"], section.Charts.Select(c => c.Key));
        Assert.All(section.Charts, chart => Assert.False(string.IsNullOrEmpty(chart.Empty)));
    }
}

public sealed class ReviewAnalyticsOnDemoOnSqlite(SqliteActivityCore core) : ReviewAnalyticsOnDemoTests(core), IClassFixture<SqliteActivityCore>;

public sealed class ReviewAnalyticsOnDemoOnPostgres(PostgresActivityCore core) : ReviewAnalyticsOnDemoTests(core), IClassFixture<PostgresActivityCore>;
