using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

public abstract class HostingTests(CohortApp app)
{
    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync("/streams");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_write_letters_beyond_ascii_as_themselves()
    {
        var mentor = await app.WithDbAsync(db => db.Mentors.Where(m => m.Name.StartsWith("Luc")).Select(m => new { m.Name }).FirstAsync());
        using var browser = app.NewBrowser();

        var body = await browser.Client.GetStringAsync("/streams");

        Assert.Contains("Lucía", mentor.Name, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xED;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_request_is_refused_with_a_clear_message_and_changes_nothing()
    {
        using var browser = app.NewBrowser();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var huge = new string('x', 2 * 1024 * 1024);
        using var response = await browser.Client.PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "huge@example.net",
            ["Input.DisplayName"] = huge,
        }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("too large", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        using var browser = app.NewBrowser();
        await browser.GetAsync("/account/sign-in"); // renders an antiforgery token, which needs a key

        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            $"The {app.Provider} model has changes no migration covers: run scripts/add-migration.sh NAME");
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task A_database_made_by_a_build_with_other_migrations_is_refused_before_anything_runs()
    {
        const string foreign = "20261125114538_GeneralApplication";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{foreign}', '10.0.0')"));
        try
        {
            var refusal = await Assert.ThrowsAsync<UnknownSchemaHistoryException>(() => app.WithDbAsync(db => new DatabaseMigrator(db).MigrateAsync()));
            Assert.Contains(foreign, refusal.Message, StringComparison.Ordinal);
            Assert.Contains("create it afresh", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{foreign}'"));
        }
    }
}

public sealed class HostingOnSqlite(SqliteApp app) : HostingTests(app), IClassFixture<SqliteApp>;

public sealed class HostingOnPostgres(PostgresApp app) : HostingTests(app), IClassFixture<PostgresApp>;
