using System.CommandLine;
using System.Globalization;
using Cohort.Cli.Hosting;
using Cohort.Core.Data;
using Cohort.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Database;

/// <summary>`cohort db migrate` (and the backup commands, from <see cref="BackupCommands"/>), `cohort seed demo` and `cohort purge`.</summary>
internal static class DatabaseCommands
{
    public static IEnumerable<Command> Create()
    {
        var migrate = new Command("migrate", "Create the database or bring it up to date");
        migrate.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }));

        var at = new Option<string?>("--at")
        {
            Description = "Date the demo's dates count from, as YYYY-MM-DD (default: today, UTC); stage 1, 2 and 3 are open on it",
        };
        var demo = new Command("demo", "Add the fictional demo season, its activity, last year's season and the demo accounts (for trying Cohort out)") { at };
        demo.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var given = parse.GetValue(at);
            DateOnly? day = null;
            if (given is not null)
            {
                if (!DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"cohort seed demo: --at wants a date as YYYY-MM-DD, such as 2027-01-15; '{given}' is not one.");
                    return 2;
                }

                day = parsed;
            }

            var environment = CliHost.EnvironmentName;
            if (!DemoSeedPolicy.Allows(environment))
            {
                await Console.Error.WriteLineAsync($"cohort seed demo adds accounts whose passwords are published, so it runs only in Development; " +
                    $"this is {environment}. To try Cohort out on this database, run it with DOTNET_ENVIRONMENT=Development.");
                return 2;
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            day ??= DemoCalendar.Today(services.GetRequiredService<TimeProvider>()).Day;
            var seeded = await services.GetRequiredService<DemoSeason>().SeedAsync(day, cancellation);
            if (seeded)
            {
                await services.GetRequiredService<DemoActivity>().SeedAsync(day, cancellation);
            }

            Console.WriteLine(seeded
                ? $"Seeded the demo season {new DemoCalendar(day.Value).SeasonSlug}, its dates counted from {day.Value:yyyy-MM-dd}."
                : "The demo is already there; nothing was changed.");
            foreach (var line in DemoWelcome.Lines(withActivity: true))
            {
                Console.WriteLine(line);
            }

            return 0;
        }));

        var db = new Command("db", "Database maintenance") { migrate };
        foreach (var command in BackupCommands.Create())
        {
            db.Subcommands.Add(command);
        }

        yield return db;
        yield return new Command("seed", "Seed data") { demo };
        yield return PurgeCommand.Create();
    }
}
