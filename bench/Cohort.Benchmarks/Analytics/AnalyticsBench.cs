using System.Diagnostics;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Analytics;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Analytics;

/// <summary>
/// Each analytics topic built in process on <see cref="AnalyticsSeason"/>, three times each in a fresh scope (as a
/// request has), for the whole season: the page's work without HTTP or rendering. bench/http/analytics-pages.sh times
/// the pages themselves.
/// </summary>
internal static class AnalyticsBench
{
    public static async Task<int> RunAsync(int applicants, string? postgres)
    {
        Console.WriteLine($"analytics on {(postgres is null ? "SQLite" : "PostgreSQL")}: a season of {applicants} applicants");
        await using var database = await RushDatabase.CreateAsync(postgres);
        await AnalyticsSeason.SeedAsync(database, applicants);
        var season = await database.RunAsync<CohortDbContext, int>(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync());
        var keys = await database.RunAsync<IEnumerable<IAnalyticsTopic>, List<string>>(topics => Task.FromResult(topics.Select(t => t.Key).ToList()));
        foreach (var key in keys)
        {
            var times = new List<double>();
            var charts = 0;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var section = await database.RunAsync<IEnumerable<IAnalyticsTopic>, Core.Analytics.Charts.AnalyticsSection>(
                    topics => topics.Single(t => t.Key == key).BuildAsync(new AnalyticsScope(season, null, TimeZoneInfo.Utc), CancellationToken.None));
                times.Add(clock.Elapsed.TotalMilliseconds);
                charts = section.Charts.Count(c => c.Empty is null);
            }

            Console.WriteLine($"{key}: {charts} charts with numbers; {string.Join(", ", times.Select(ms => $"{ms:0} ms"))}");
        }

        return 0;
    }

    /// <summary>The same season in a database that is kept for the built app to serve (bench/http/analytics-pages.sh).</summary>
    public static async Task<int> SeasonAsync(string keep, int applicants, string? postgres)
    {
        Console.WriteLine($"analytics season on {(postgres is null ? "SQLite" : "PostgreSQL")} in {keep}: {applicants} applicants");
        await using var database = await RushDatabase.CreateAsync(postgres, keep: keep);
        await AnalyticsSeason.SeedAsync(database, applicants);
        Console.WriteLine($"kept: Database__Provider={database.Provider} ConnectionStrings__Cohort=\"{database.Connection}\"");
        return 0;
    }
}
