using Cohort.Core.Data;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>The app with the demo season's activity seeded too (applications, attempts, stream applications, reviews), as `Cohort:SeedDemoActivity` does in Development.</summary>
public abstract class ActivityApp(DatabaseProvider provider) : CohortApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cohort:SeedDemoActivity", "true")];
}

public sealed class SqliteActivityApp() : ActivityApp(DatabaseProvider.Sqlite);

public sealed class PostgresActivityApp() : ActivityApp(DatabaseProvider.Postgres);
