using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Api;

public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// A bearer token for <c>/api/v1</c>, made by an admin for a script or another tool. It acts under its own name
/// (<c>token:NAME</c> in the audit log) with its scopes only. Only a hash of its secret is kept.
/// </summary>
public class ApiToken : IVersioned
{
    public const int NameLength = 64;

    public int Id { get; set; }

    /// <summary>Unique; letters, digits, '-', '_' and '.', so it reads well in the audit log and on a command line.</summary>
    public required string Name { get; set; }

    /// <summary>The secret's first characters, in clear: <c>coh_</c> and 8 more.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole secret, in hex; see <see cref="ApiTokenSecret"/>.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The granted scopes, space-separated in <see cref="ApiScopes.All"/>'s order.</summary>
    public required string Scopes { get; set; }

    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The admin account that created it, or null when it came from the command line.</summary>
    public string? CreatedById { get; set; }

    /// <summary>Who created it, as the audit log names them.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was last accepted, to the minute: the API does not write on every request.</summary>
    public DateTime? LastUsedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public ApiTokenState StateAt(DateTime now) =>
        RevokedAt is not null ? ApiTokenState.Revoked
        : now >= ExpiresAt ? ApiTokenState.Expired
        : ApiTokenState.Active;

    /// <summary>The audit log's name for what the token does.</summary>
    public string ActorName => $"token:{Name}";
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(ApiToken.NameLength);
        token.HasIndex(t => t.Name).IsUnique();
        token.Property(t => t.Prefix).HasMaxLength(ApiTokenSecret.PrefixLength);
        token.Property(t => t.SecretHash).HasMaxLength(ApiTokenSecret.HashLength).IsFixedLength();
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.Property(t => t.Scopes).HasMaxLength(200);
        token.Property(t => t.CreatedBy).HasMaxLength(256);
        token.HasOne<CohortUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        token.Ignore(t => t.ScopeList);
        token.Ignore(t => t.ActorName);
    }
}
