using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Artifacts;

/// <summary>The app with a public origin that is not the address tests reach it at, so a link built from the request shows.</summary>
public class ArtifactsApp(DatabaseProvider provider) : CohortApp(provider)
{
    public const string PublicOrigin = "https://showcase.example.org/";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cohort:PublicBaseUrl", PublicOrigin)];
}

public sealed class SqliteArtifactsApp() : ArtifactsApp(DatabaseProvider.Sqlite);

public sealed class PostgresArtifactsApp() : ArtifactsApp(DatabaseProvider.Postgres);
