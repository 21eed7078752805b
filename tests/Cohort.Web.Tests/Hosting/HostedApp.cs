using System.Globalization;
using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Hosting;

/// <summary>An app reached at a public https address behind a proxy, with a sign-in limit low enough for tests to reach.</summary>
public sealed class HostedApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public const string PublicHost = "apply.example.org";
    public const int AccountPermits = 3;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Cohort:PublicBaseUrl", $"https://{PublicHost}/"),
        new("Cohort:RateLimit:PermitsPerMinute", AccountPermits.ToString(CultureInfo.InvariantCulture)),
    ];
}

/// <summary>An app whose upload budget is low enough for tests to use it up.</summary>
public class UploadLimitedApp(DatabaseProvider provider) : CohortApp(provider)
{
    public const int UploadsPerHour = 2;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Cohort:RateLimit:UploadsPerHour", UploadsPerHour.ToString(CultureInfo.InvariantCulture))];
}

public sealed class UploadLimitedSqliteApp() : UploadLimitedApp(DatabaseProvider.Sqlite);

public sealed class UploadLimitedPostgresApp() : UploadLimitedApp(DatabaseProvider.Postgres);
