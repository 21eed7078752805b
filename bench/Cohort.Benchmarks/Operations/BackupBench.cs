using Cohort.Benchmarks.Applications;
using Cohort.Benchmarks.Match;
using Cohort.Core.Data;
using Cohort.Core.Operations;

namespace Cohort.Benchmarks.Operations;

/// <summary>
/// `cohort db backup` and `cohort db restore` through their use cases on a season of the model user's size: the
/// match-run bench's season (applicants with their general application, three stream applications each, both sides'
/// rankings, a closed review round per stream with two reviews of each application). Backs it up three times, then
/// restores each backup into a new empty database; reports each wall time and the file's size.
/// </summary>
internal static class BackupBench
{
    private const int Repeats = 3;

    public static async Task<int> RunAsync(int applicants, string? postgres)
    {
        var kind = postgres is null ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"backup and restore on {kind}: {applicants} applicants, 3 streams each, 120 seats");
        await using var database = await RushDatabase.CreateAsync(postgres);
        await database.RunAsync<CohortDbContext, int>(db => MatchRunBench.SeasonAsync(db, applicants, 120, new Random(6)));
        var folder = Directory.CreateTempSubdirectory("cohort-backup-bench-").FullName;
        try
        {
            var files = new List<string>();
            var backups = new List<BackupReport>();
            for (var attempt = 0; attempt < Repeats; attempt++)
            {
                var file = Path.Combine(folder, $"cohort-{attempt}.backup");
                var outcome = await database.RunAsync<BackUpDatabase, BackupOutcome>(backup => backup.RunAsync(file, force: false));
                backups.Add(outcome.Report ?? throw new InvalidOperationException(outcome.Refusal));
                files.Add(file);
            }

            var report = backups[0];
            Console.WriteLine($"backup: {Sizes(report.Bytes)}, {report.Tables} tables ({report.Check}): {string.Join(", ", backups.Select(b => $"{b.Duration.TotalMilliseconds:0} ms"))}");

            var restores = new List<RestoreReport>();
            foreach (var file in files)
            {
                await using var empty = await RushDatabase.CreateAsync(postgres, empty: true);
                var outcome = await empty.RunAsync<RestoreDatabase, RestoreOutcome>(restore => restore.RunAsync(file));
                var restored = outcome.Report ?? throw new InvalidOperationException(outcome.Refusal);
                if (!restored.Schema.IsCurrent)
                {
                    throw new InvalidOperationException("The restored database's schema is not this version's.");
                }

                restores.Add(restored);
            }

            Console.WriteLine($"restore into an empty database: {string.Join(", ", restores.Select(r => $"{r.Duration.TotalMilliseconds:0} ms"))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static string Sizes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MiB ({bytes:N0} bytes)";
}
