using System.CommandLine;
using System.Globalization;
using Cohort.Cli.Hosting;
using Cohort.Core.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Database;

/// <summary>`cohort db backup FILE` and `cohort db restore FILE`; Core's <see cref="BackUpDatabase"/> and <see cref="RestoreDatabase"/> do the work.</summary>
internal static class BackupCommands
{
    private const int Refused = 2;

    public static IEnumerable<Command> Create()
    {
        var backupFile = new Argument<string>("FILE") { Description = "The backup file to write (written beside it under another name, and renamed when complete and checked)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var backup = new Command("backup", "Copy the database while Cohort runs: SQLite with its online backup API, PostgreSQL with pg_dump (custom format)") { backupFile, force };
        backup.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var outcome = await services.GetRequiredService<BackUpDatabase>().RunAsync(parse.GetValue(backupFile)!, parse.GetValue(force), cancellation);
            if (outcome.Refusal is not null)
            {
                await Console.Error.WriteLineAsync($"cohort db backup: {outcome.Refusal}");
                return Refused;
            }

            var report = outcome.Report!;
            Console.WriteLine($"Backed up {report.Source} to {report.File} in {Seconds(report.Duration)}: {Size(report.Bytes)}, {Contents(report)}.");
            Console.WriteLine($"Checked: {report.Check}.");
            if (report.Warning is not null)
            {
                Console.WriteLine($"Warning: {report.Warning}");
            }

            return 0;
        }));

        var restoreFile = new Argument<string>("FILE") { Description = "A backup made by `cohort db backup`" };
        var restore = new Command("restore", "Fill the configured database, which must be empty, from a backup of its kind") { restoreFile };
        restore.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var outcome = await services.GetRequiredService<RestoreDatabase>().RunAsync(parse.GetValue(restoreFile)!, cancellation);
            if (outcome.Refusal is not null)
            {
                await Console.Error.WriteLineAsync($"cohort db restore: {outcome.Refusal}");
                return Refused;
            }

            var report = outcome.Report!;
            Console.WriteLine($"Restored {parse.GetValue(restoreFile)} into {report.Target} in {Seconds(report.Duration)} ({report.Tables} tables).");
            var schema = report.Schema;
            if (schema.Unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"cohort db restore: {new Core.Data.UnknownSchemaHistoryException(schema.Unknown).Message}");
                return 1;
            }

            Console.WriteLine(schema.Pending.Count == 0
                ? "Its schema is this version's: no migration is needed, Cohort can start on it."
                : $"It lacks {schema.Pending.Count} migration(s) of this version ({string.Join(", ", schema.Pending)}): run `cohort db migrate` before starting Cohort on it.");
            return 0;
        }));

        return [backup, restore];
    }

    private static string Contents(BackupReport report)
    {
        if (report.Kind == BackupKind.PgDump)
        {
            return $"{report.Tables} tables with data";
        }

        var largest = string.Join(", ", report.Rows.Take(3).Select(t => $"{t.Table} {t.Rows.ToString("N0", CultureInfo.InvariantCulture)}"));
        return $"{report.Tables} tables, {report.Rows.Sum(t => t.Rows).ToString("N0", CultureInfo.InvariantCulture)} rows (largest: {largest})";
    }

    private static string Seconds(TimeSpan duration) => $"{duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => $"{(bytes / (double)(1 << 30)).ToString("0.0", CultureInfo.InvariantCulture)} GiB",
        >= 1 << 20 => $"{(bytes / (double)(1 << 20)).ToString("0.0", CultureInfo.InvariantCulture)} MiB",
        >= 1 << 10 => $"{(bytes / (double)(1 << 10)).ToString("0.0", CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes} bytes",
    };
}
