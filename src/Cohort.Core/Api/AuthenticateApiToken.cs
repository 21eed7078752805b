using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Api;

/// <summary>
/// Finds the active token a bearer secret belongs to, and notes that it was used. The note is written at most once a
/// minute per token, so a busy script costs one small update a minute, not one per request.
/// </summary>
public sealed class AuthenticateApiToken(CohortDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    /// <summary>The token, or null when the secret is unknown, expired or revoked (the caller answers 401 alike).</summary>
    public async Task<ApiToken?> RunAsync(string secret, CancellationToken cancellation = default)
    {
        if (!ApiTokenSecret.LooksLikeOne(secret))
        {
            return null;
        }

        var hash = ApiTokenSecret.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || token.StateAt(now) != ApiTokenState.Active)
        {
            return null;
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUsedGranularity)
        {
            var stale = now - LastUsedGranularity;
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellation);
            token.LastUsedAt = now;
        }

        return token;
    }
}
