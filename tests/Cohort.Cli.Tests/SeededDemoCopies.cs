using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests;

/// <summary>
/// The demo as `cohort seed demo` seeds it in Development, seeded once a test run and day and copied into each test's
/// database (<see cref="DatabaseTemplates"/>): the seed takes some twelve seconds, a copy milliseconds.
/// </summary>
public static class SeededDemoCopies
{
    public static Dictionary<string, string?> Development => new() { ["DOTNET_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = null };

    /// <summary>Makes the empty <paramref name="database"/> hold today's demo.</summary>
    public static Task SeedAsync(TestDatabase database) => DatabaseTemplates.CopyIntoAsync(database, Key, SeedByCommandAsync);

    /// <summary>A new SQLite database holding today's demo.</summary>
    public static Task<TestDatabase> NewAsync() => DatabaseTemplates.CopyAsync(DatabaseProvider.Sqlite, Key, SeedByCommandAsync);

    private static string Key => $"cli: seed demo on {DateTime.UtcNow:yyyy-MM-dd}";

    private static Task SeedByCommandAsync(TestDatabase template)
    {
        var seeded = Cohort.RunRaw(["seed", "demo", "--connection", template.Connection], Development);
        return seeded.ExitCode == 0 ? Task.CompletedTask : throw new InvalidOperationException($"seeding the demo failed: {seeded.Stderr}");
    }
}
