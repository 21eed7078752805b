using System.CommandLine;
using Cohort.Core;
using Cohort.Core.Accounts;
using Cohort.Core.Configuration;
using Cohort.Core.Data;
using Cohort.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cohort.Cli.Hosting;

/// <summary>
/// The services the database commands need, configured as the web app is: `Database__Provider` and
/// `ConnectionStrings__Cohort` from the environment, or the --provider and --connection options.
/// </summary>
internal static class CliHost
{
    public static readonly Option<DatabaseProvider?> Provider = new("--provider")
    {
        Description = "Sqlite (default) or Postgres; overrides Database__Provider",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string; overrides ConnectionStrings__Cohort (default: Data Source=data/cohort.db)",
        Recursive = true,
    };

    /// <summary>Like the web host's: from DOTNET_ENVIRONMENT (or ASPNETCORE_ENVIRONMENT), Production if unset.</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";

    public static ServiceProvider Build(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides[$"{DatabaseOptions.Section}:Provider"] = provider.ToString();
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            overrides["ConnectionStrings:Cohort"] = connection;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddFilter(_ => false));
        services.AddCohortCore(configuration);
        services.AddCohortDemo();
        // The web host's own settings, checked as it checks them at start, so that `cohort doctor` finds what would stop it.
        services.AddSettings<CohortWebOptions>(configuration.GetSection(CohortWebOptions.Section))
            .Check(options => CohortWebOptions.Problems(options, EnvironmentName))
            .Check(options => DemoSeedPolicy.SettingProblems(options.SeedDemo, EnvironmentName));
        services.AddIdentityCore<CohortUser>(AccountPolicy.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CohortDbContext>()
            .AddCohortPasswordRules();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a database command in a scope, turning any failure into a one-line message and exit 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body)
    {
        try
        {
            await using var provider = Build(parse);
            await using var scope = provider.CreateAsyncScope();
            return await body(scope.ServiceProvider);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync($"cohort: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last resort: an operator gets one readable line, never a stack trace.
            await Console.Error.WriteLineAsync($"cohort: unexpected failure ({e.GetType().Name}): {e.GetBaseException().Message}");
            return 1;
        }
    }
}
