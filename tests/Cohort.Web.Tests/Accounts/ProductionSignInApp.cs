using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

/// <summary>The app with sign-in as Production has it: 12-hour sessions, and admin pages only with two-step sign-in.</summary>
public class ProductionSignInApp(DatabaseProvider provider) : CohortApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Cohort:SessionLifetime", "12:00:00"),
        new("Cohort:RequireAdminTwoFactor", "true"),
    ];
}

public sealed class ProductionSignInSqliteApp() : ProductionSignInApp(DatabaseProvider.Sqlite);

public sealed class ProductionSignInPostgresApp() : ProductionSignInApp(DatabaseProvider.Postgres);
