using Cohort.Core.Api;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Api;

/// <summary>
/// API tokens: the secret is returned once and only its hash is kept; bad names, scopes and expiries are refused with
/// one clear sentence; revoked and expired tokens stop authenticating; the last-used time moves at most once a minute.
/// </summary>
public abstract class ApiTokenTests(CoreServicesFixture core)
{
    private DateOnly InDays(int days) => DateOnly.FromDateTime(core.Clock.GetUtcNow().UtcDateTime.AddDays(days));

    private Task<ApiTokenCreation> CreateAsync(string name, string[] scopes, DateOnly expires) =>
        core.RunAsync<CreateApiToken, ApiTokenCreation>(c => c.RunAsync(Actor.CommandLine, name, scopes, expires));

    private Task<ApiToken?> AuthenticateAsync(string secret) =>
        core.RunAsync<AuthenticateApiToken, ApiToken?>(a => a.RunAsync(secret));

    [Fact]
    public async Task A_new_token_shows_its_secret_once_keeps_only_its_hash_and_authenticates()
    {
        var created = await CreateAsync("funder-sync", ["match:read,catalogue:read", "catalogue:read"], InDays(30));

        Assert.Null(created.Problem);
        Assert.StartsWith("coh_", created.Secret, StringComparison.Ordinal);
        var stored = await core.RunAsync<CohortDbContext, ApiToken>(db => db.ApiTokens.SingleAsync(t => t.Name == "funder-sync"));
        Assert.Equal("catalogue:read match:read", stored.Scopes);
        Assert.Equal(created.Secret![..12], stored.Prefix);
        Assert.DoesNotContain(created.Secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal("funder-sync", (await AuthenticateAsync(created.Secret))?.Name);
        Assert.Null(await AuthenticateAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A')));
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.AuditEntries.AnyAsync(e => e.Action == "api-token.created" && e.Subject == "token:funder-sync")));
    }

    [Theory]
    [InlineData("", "catalogue:read", 10, "Give the token a name.")]
    [InlineData("has space", "catalogue:read", 10, "may hold only letters")]
    [InlineData("scoped", "catalogue:delete", 10, "Unknown scope \"catalogue:delete\"")]
    [InlineData("unscoped", "", 10, "Give at least one scope")]
    [InlineData("past", "catalogue:read", -1, "is not in the future")]
    [InlineData("today", "catalogue:read", 0, "is not in the future")]
    [InlineData("forever", "catalogue:read", 3000, "days away")]
    public async Task Bad_input_is_refused_with_one_sentence_and_nothing_saved(string name, string scope, int days, string problem)
    {
        var created = await CreateAsync(name, [scope], InDays(days));

        Assert.Contains(problem, created.Problem, StringComparison.Ordinal);
        Assert.Null(created.Secret);
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.ApiTokens.AnyAsync(t => t.Name == name.Trim())));
    }

    [Fact]
    public async Task Names_are_unique_even_after_revocation()
    {
        await CreateAsync("twice", ["reviews:read"], InDays(5));
        Assert.Null(await core.RunAsync<RevokeApiToken, string?>(r => r.RunAsync(Actor.CommandLine, "twice")));

        var again = await CreateAsync("twice", ["reviews:read"], InDays(5));

        Assert.Contains("already exists", again.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_no_longer_authenticate()
    {
        var revoked = await CreateAsync("to-revoke", ["people:write"], InDays(5));
        var expiring = await CreateAsync("to-expire", ["people:write"], InDays(2));

        Assert.Null(await core.RunAsync<RevokeApiToken, string?>(r => r.RunAsync(Actor.CommandLine, "to-revoke")));
        Assert.Contains("already revoked", await core.RunAsync<RevokeApiToken, string?>(r => r.RunAsync(Actor.CommandLine, "to-revoke")), StringComparison.Ordinal);
        Assert.Contains("no token named", await core.RunAsync<RevokeApiToken, string?>(r => r.RunAsync(Actor.CommandLine, "nobody")), StringComparison.Ordinal);
        Assert.Null(await AuthenticateAsync(revoked.Secret!));
        var expiresAt = expiring.Token!.ExpiresAt;
        var list = await core.RunAsync<ApiTokenList, IReadOnlyList<ApiToken>>(l => l.ReadAsync());
        Assert.Equal(ApiTokenState.Revoked, list.Single(t => t.Name == "to-revoke").StateAt(expiresAt));
        Assert.Equal(ApiTokenState.Expired, list.Single(t => t.Name == "to-expire").StateAt(expiresAt));
        Assert.Equal(ApiTokenState.Active, list.Single(t => t.Name == "to-expire").StateAt(expiresAt.AddSeconds(-1)));
    }

    [Fact]
    public async Task The_last_used_time_moves_at_most_once_a_minute()
    {
        var created = await CreateAsync("busy", ["applications:read"], InDays(5));
        var start = core.Clock.GetUtcNow().UtcDateTime;

        await AuthenticateAsync(created.Secret!);
        core.Clock.Now += TimeSpan.FromSeconds(30);
        await AuthenticateAsync(created.Secret!);
        var afterHalfAMinute = await LastUsedAsync();
        core.Clock.Now += TimeSpan.FromSeconds(31);
        await AuthenticateAsync(created.Secret!);
        var afterAMinute = await LastUsedAsync();

        Assert.Equal(start, afterHalfAMinute);
        Assert.Equal(start.AddSeconds(61), afterAMinute);
    }

    private Task<DateTime?> LastUsedAsync() =>
        core.RunAsync<CohortDbContext, DateTime?>(db => db.ApiTokens.Where(t => t.Name == "busy").Select(t => t.LastUsedAt).SingleAsync());
}

public sealed class ApiTokenOnSqlite(SqliteCore core) : ApiTokenTests(core), IClassFixture<SqliteCore>;

public sealed class ApiTokenOnPostgres(PostgresCore core) : ApiTokenTests(core), IClassFixture<PostgresCore>;
