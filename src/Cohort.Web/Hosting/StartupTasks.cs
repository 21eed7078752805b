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
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        catch (UnknownSchemaHistoryException unknown)
        {
            app.Logger.LogCritical("{Reason}", unknown.Message);
            return false;
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<CohortWebOptions>>().Value;
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
