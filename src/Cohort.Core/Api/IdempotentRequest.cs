using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohort.Core.Api;

/// <summary>
/// A write sent to <c>/api/v1</c> with an <c>Idempotency-Key</c>: what was asked (method, path, the body's SHA-256) and,
/// once the first request has finished, what it answered, so a retry with the same key gets that answer instead of a
/// second write. A key belongs to one token and lives <see cref="Lifetime"/>.
/// </summary>
public class IdempotentRequest
{
    public const int KeyLength = 255;
    public const int PathLength = 2048;

    /// <summary>How long a key is remembered; after that the same key starts a new request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public int Id { get; set; }
    public int ApiTokenId { get; set; }

    /// <summary>The client's key, as sent: 1 to 255 printable ASCII characters.</summary>
    public required string Key { get; set; }

    public required string Method { get; set; }
    public required string Path { get; set; }

    /// <summary>SHA-256 of the request body, in hex.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The answer's status, or null while the first request is still running.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Answers(string method, string path, string requestHash) =>
        Method == method && Path == path && RequestHash == requestHash;
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyLength);
        // The unique index is what makes two concurrent first uses of a key run the write once: the second insert fails.
        request.HasIndex(r => new { r.ApiTokenId, r.Key }).IsUnique();
        request.HasIndex(r => r.CreatedAt);
        request.Property(r => r.Method).HasMaxLength(10);
        request.Property(r => r.Path).HasMaxLength(IdempotentRequest.PathLength);
        request.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        request.Property(r => r.ContentType).HasMaxLength(200);
        request.HasOne<ApiToken>().WithMany().HasForeignKey(r => r.ApiTokenId).OnDelete(DeleteBehavior.Cascade);
    }
}
