using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Cli.Tests.Operations;

/// <summary>Runs `cohort` on one test database, configured through the environment as an operator would.</summary>
public static class DatabaseRuns
{
    public static Dictionary<string, string?> Environment(TestDatabase database, IReadOnlyDictionary<string, string?>? more = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Cohort"] = database.Connection,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = null,
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    public static CohortRun Run(TestDatabase database, params string[] arguments) => Cohort.RunRaw(arguments, Environment(database));

    /// <summary>A context on the database, as the app makes it (the provider's migrations, SQLite's pragmas).</summary>
    public static CohortDbContext Context(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<CohortDbContext>();
        DatabaseRegistration.Configure(builder, database.Provider, database.Connection);
        return new CohortDbContext(builder.Options);
    }
}
