using Cohort.Core.Data;
using Cohort.Web.Hosting;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Hosting;

public abstract class HealthTests(CohortApp app)
{
    /// <summary>An app of its own, for a test that takes its database away; nothing seeded, since nothing is read.</summary>
    private sealed class UnseededApp(DatabaseProvider provider) : CohortApp(provider)
    {
        protected override bool SeedDemo => false;
    }

    private sealed record Answer(int Status, string Body, bool NoStore);

    // Plain http on loopback with no cookie, as a load balancer or a service manager on the machine polls.
    private static async Task<Answer> ProbeAsync(CohortApp target, string path)
    {
        using var client = target.CreateClient();
        using var response = await client.GetAsync(path);
        return new((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.CacheControl?.NoStore == true);
    }

    [Theory]
    [InlineData(Health.LivePath)]
    [InlineData(Health.ReadyPath)]
    public async Task Each_endpoint_answers_an_anonymous_probe_with_healthy_and_no_store(string path)
    {
        var answer = await ProbeAsync(app, path);

        Assert.Equal(new Answer(200, "Healthy", NoStore: true), answer);
    }

    [Fact]
    public async Task Without_its_database_the_app_is_live_but_not_ready_and_says_nothing_more()
    {
        await using var lost = new UnseededApp(app.Provider);
        await lost.InitializeAsync();
        Assert.Equal(200, (await ProbeAsync(lost, Health.ReadyPath)).Status);

        // Deletes the SQLite file or drops the PostgreSQL database under the running app.
        await lost.Database.DisposeAsync();

        Assert.Equal(new Answer(200, "Healthy", NoStore: true), await ProbeAsync(lost, Health.LivePath));
        Assert.Equal(new Answer(503, "Unhealthy", NoStore: true), await ProbeAsync(lost, Health.ReadyPath));
    }
}

public sealed class HealthOnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthOnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
