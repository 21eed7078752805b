using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Data;
using Cohort.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Database;

/// <summary>`cohort db migrate` and `cohort seed demo`.</summary>
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

        var demo = new Command("demo", "Add the fictional demo season and one account per role (for trying Cohort out)");
        demo.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            // Like the web host: the environment comes from DOTNET_ENVIRONMENT (or ASPNETCORE_ENVIRONMENT), Production if unset.
            var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
            if (!DemoSeedPolicy.Allows(environment))
            {
                await Console.Error.WriteLineAsync($"cohort seed demo adds accounts whose passwords are published, so it runs only in Development; " +
                    $"this is {environment}. To try Cohort out on this database, run it with DOTNET_ENVIRONMENT=Development.");
                return 2;
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var seeded = await services.GetRequiredService<DemoSeason>().SeedAsync(cancellation);
            Console.WriteLine(seeded ? "Seeded the demo season. Demo accounts:" : "The demo season is already there. Demo accounts:");
            foreach (var account in DemoSeason.Accounts)
            {
                Console.WriteLine($"  {account.Role,-10} {account.Email,-30} password: {account.Password}");
            }

            return 0;
        }));

        yield return new Command("db", "Database maintenance") { migrate };
        yield return new Command("seed", "Seed data") { demo };
    }
}
