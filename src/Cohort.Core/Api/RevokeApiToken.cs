using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Api;

/// <summary>An admin withdraws a token: the next request made with it gets 401.</summary>
public sealed class RevokeApiToken(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>A problem to show, or null when the token is revoked.</summary>
    public async Task<string?> RunAsync(Actor actor, string name, CancellationToken cancellation = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Name == name, cancellation);
        if (token is null)
        {
            return $"There is no token named \"{name}\".";
        }

        if (token.RevokedAt is not null)
        {
            return $"The token \"{name}\" was already revoked.";
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "api-token.revoked", token.ActorName, $"{token.Prefix}…");
        return await db.SaveOrRefuseAsync($"The token \"{name}\" was changed in the meantime; look again.", cancellation);
    }
}
