using Cohort.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

public static class StartupTasks
{
    /// <summary>
    /// Migrates the database and, where configured, seeds the demo season, before the first request. False, with the
    /// reason logged, when the database belongs to a build whose migrations this one does not know.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<CohortWebOptions>>().Value;
        if (!options.MigrateAtStart)
        {
            return await DatabaseIsReadyAsync(app, scope.ServiceProvider);
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        catch (UnknownSchemaHistoryException unknown)
        {
            app.Logger.LogCritical("{Reason}", unknown.Message);
            return false;
        }

        if (options.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeason>().SeedAsync();
            if (options.SeedDemoActivity)
            {
                await scope.ServiceProvider.GetRequiredService<DemoActivity>().SeedAsync();
            }

            if (app.Environment.IsDevelopment())
            {
                app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, options.SeedDemoActivity));
            }
        }

        return true;
    }

    /// <summary>
    /// Without migrating: the database must already have every migration of this build (`cohort db migrate` ran).
    /// An unreachable database stops the start too; systemd's Restart= tries again while it comes up.
    /// </summary>
    private static async Task<bool> DatabaseIsReadyAsync(WebApplication app, IServiceProvider services)
    {
        var problem = await DatabaseReadiness.ProblemAsync(services.GetRequiredService<CohortDbContext>());
        if (problem is not null)
        {
            app.Logger.LogCritical("Cohort cannot start: {Reason} ({Setting} is false, so it does not migrate by itself.)",
                problem, $"{CohortWebOptions.Section}:{nameof(CohortWebOptions.MigrateAtStart)}");
        }

        return problem is null;
    }

    // Printed to the console, not the log: this is what a newcomer reads after `dotnet run`.
    private static void PrintWelcome(WebApplication app, bool withActivity)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"Cohort is running at {string.Join(", ", addresses)}");
        foreach (var line in DemoWelcome.Lines(withActivity))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
    }
}
