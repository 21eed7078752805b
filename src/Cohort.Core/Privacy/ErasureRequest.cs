namespace Cohort.Core.Privacy;

/// <summary>
/// An applicant's request that their personal data be erased, waiting for an admin's confirmation; kept after it is
/// carried out as the record that it was (with the pseudonym the account now carries, never the person's identity).
/// </summary>
public class ErasureRequest
{
    public const int PseudonymLength = 32;

    public int Id { get; set; }

    /// <summary>The account; after erasure, the tombstone's id, which names no one.</summary>
    public required string ApplicantId { get; set; }

    public DateTime RequestedAt { get; set; }
    public DateTime? ErasedAt { get; set; }

    /// <summary>The name the account and the audit log carry after erasure ("erased-1a2b3c4d").</summary>
    public string? Pseudonym { get; set; }

    public bool IsOpen => ErasedAt is null;
}
