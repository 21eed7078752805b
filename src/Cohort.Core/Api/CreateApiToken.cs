using System.Text.RegularExpressions;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Api;

/// <summary>The secret of a new token, to show once, or the problem that kept it from being made.</summary>
public sealed record ApiTokenCreation(ApiToken? Token, string? Secret, string? Problem);

/// <summary>An admin (or the command line) makes a token; its secret is returned here and never again.</summary>
public sealed partial class CreateApiToken(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The longest a token may live: a forgotten script's token should not outlive the programme's memory of it.</summary>
    public const int MaxDays = 2 * 366;

    public async Task<ApiTokenCreation> RunAsync(Actor actor, string name, IEnumerable<string> scopes, DateOnly expires, CancellationToken cancellation = default)
    {
        name = name.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var (granted, scopeProblem) = ApiScopes.Parse(scopes);
        var expiresAt = expires.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var problem = NameProblem(name) ?? scopeProblem
            ?? (expiresAt <= now ? $"The expiry {expires:yyyy-MM-dd} is not in the future: the token would never work."
            : expiresAt > now.AddDays(MaxDays) ? $"The expiry {expires:yyyy-MM-dd} is more than {MaxDays} days away; make a new token when this one ends."
            : null);
        if (problem is not null)
        {
            return new(null, null, problem);
        }

        if (await db.ApiTokens.AnyAsync(t => t.Name == name, cancellation))
        {
            return new(null, null, Duplicate(name));
        }

        var secret = ApiTokenSecret.New();
        var token = new ApiToken
        {
            Name = name,
            Prefix = ApiTokenSecret.PrefixOf(secret),
            SecretHash = ApiTokenSecret.Hash(secret),
            Scopes = string.Join(' ', granted),
            ExpiresAt = expiresAt,
            CreatedAt = now,
            CreatedById = actor.UserId,
            CreatedBy = actor.Name,
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, "api-token.created", $"token:{name}", $"{token.Prefix}… scopes {string.Join(", ", granted)}, expires {expires:yyyy-MM-dd}");
        return await db.TrySaveAsync(cancellation) ? new(token, secret, null) : new(null, null, Duplicate(name));
    }

    private static string Duplicate(string name) => $"A token named \"{name}\" already exists; names stay unique even after revocation.";

    private static string? NameProblem(string name) =>
        name.Length == 0 ? "Give the token a name."
        : name.Length > ApiToken.NameLength ? $"The name is longer than {ApiToken.NameLength} characters."
        : !NameShape().IsMatch(name) ? $"The name \"{name}\" may hold only letters, digits, '-', '_' and '.'."
        : null;

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex NameShape();
}
