using System.Collections.Concurrent;
using System.Diagnostics;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Cli.Tests.Operations;

/// <summary>
/// `cohort db backup` while writers keep saving, then `cohort db restore` into an empty database: every write
/// acknowledged before the backup began is in the restored database, and what it holds is one instant of the original
/// (each writer's writes up to some point, no gaps), with its schema current.
/// </summary>
public abstract class BackupUnderWritesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Writers = 6;
    private const string Action = "backup-under-writes";
    private readonly TestDatabase source = TestDatabase.Create(provider);
    private readonly TestDatabase target = TestDatabase.Create(provider);
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-backup-").FullName;

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(0, DatabaseRuns.Run(source, "db", "migrate").ExitCode);
        // Enough rows that copying them takes a while, so the writers have time to write while it runs.
        await using var db = DatabaseRuns.Context(source);
        for (var batch = 0; batch < 10; batch++)
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, 2_000).Select(i => new AuditEntry
            {
                At = DateTime.UtcNow, Actor = "seed", Action = "seed", Subject = $"seed {batch}", Details = new string('x', 200),
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    [Fact]
    public async Task Every_write_acknowledged_before_the_backup_began_is_restored_and_the_copy_is_one_instant()
    {
        var file = Path.Combine(folder, "cohort.backup");
        var acknowledged = Enumerable.Range(0, Writers).Select(_ => new ConcurrentQueue<(int Sequence, long At)>()).ToArray();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteUntilStoppedAsync(w, acknowledged[w], stop.Token))).ToArray();
        while (acknowledged.Any(a => a.Count < 10))
        {
            await Task.Delay(10);
        }

        var began = Stopwatch.GetTimestamp();
        var backup = await Task.Run(() => DatabaseRuns.Run(source, "db", "backup", file));
        var ended = Stopwatch.GetTimestamp();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.Contains("Backed up", backup.Stdout, StringComparison.Ordinal);
        Assert.True(acknowledged.Sum(a => a.Count(w => w.At > began && w.At < ended)) > 0, "no write was acknowledged while the backup ran");
        var restore = DatabaseRuns.Run(target, "db", "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Contains("no migration is needed", restore.Stdout, StringComparison.Ordinal);

        await using var restored = DatabaseRuns.Context(target);
        var rows = await restored.AuditEntries.Where(e => e.Action == Action).Select(e => new { e.Subject, e.Details }).ToListAsync();
        for (var w = 0; w < Writers; w++)
        {
            var found = rows.Where(r => r.Subject == $"writer {w}").Select(r => int.Parse(r.Details, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            var beforeBackup = acknowledged[w].Where(a => a.At < began).Select(a => a.Sequence).ToList();
            Assert.All(beforeBackup, sequence => Assert.Contains(sequence, found));
            // One instant: a writer's writes are sequential, so the copy holds each writer's first n, with no gap.
            Assert.Equal(Enumerable.Range(0, found.Count), found);
        }

        Assert.Equal(20_000, await restored.AuditEntries.CountAsync(e => e.Action == "seed"));
        Assert.Equal("The database is up to date.", DatabaseRuns.Run(target, "db", "migrate").Stdout.Trim());
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("PRAGMA integrity_check: ok", backup.Stdout, StringComparison.Ordinal);
            Assert.Equal("ok", await restored.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").SingleAsync());
        }
    }

    private async Task WriteUntilStoppedAsync(int writer, ConcurrentQueue<(int, long)> acknowledged, CancellationToken stop)
    {
        await using var db = DatabaseRuns.Context(source);
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "test", Action = Action, Subject = $"writer {writer}", Details = $"{sequence}" });
            // Not cancelled midway: a write either completes and is acknowledged, or is never begun.
            await db.SaveChangesAsync(CancellationToken.None);
            acknowledged.Enqueue((sequence, Stopwatch.GetTimestamp()));
            db.ChangeTracker.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class BackupUnderWritesTestsOnSqlite() : BackupUnderWritesTests(DatabaseProvider.Sqlite);

public sealed class BackupUnderWritesTestsOnPostgres() : BackupUnderWritesTests(DatabaseProvider.Postgres);
