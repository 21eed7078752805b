using System.Linq.Expressions;

namespace Cohort.Core.Privacy;

/// <summary>
/// An applicant's request that their personal data be erased, waiting for an admin's confirmation; kept after it is
/// carried out as the record that it was (with the pseudonym the account now carries, never the person's identity),
/// or after an admin declined it, with the reason the applicant was sent.
/// </summary>
public class ErasureRequest
{
    public const int PseudonymLength = 32;
    public const int ReasonLength = 2000;

    /// <summary>Waiting for an admin: neither carried out nor declined. One home for the rule, used in queries.</summary>
    public static readonly Expression<Func<ErasureRequest, bool>> Waiting = r => r.ErasedAt == null && r.DeclinedAt == null;

    public int Id { get; set; }

    /// <summary>The account; after erasure, the tombstone's id, which names no one.</summary>
    public required string ApplicantId { get; set; }

    public DateTime RequestedAt { get; set; }
    public DateTime? ErasedAt { get; set; }

    /// <summary>When an admin declined it (a legal hold, a dispute, a request not made by the person); they may ask again.</summary>
    public DateTime? DeclinedAt { get; set; }

    /// <summary>Why, in the admin's words, as the applicant was told by mail and on their portal.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>The name the account and the audit log carry after erasure ("erased-1a2b3c4d").</summary>
    public string? Pseudonym { get; set; }

    public bool IsOpen => ErasedAt is null && DeclinedAt is null;
}
