using Cohort.Core.Data;

namespace Cohort.Core.Match;

/// <summary>
/// A seat in a stream offered to one applicant by a published run. The applicant accepts or declines before
/// <see cref="RespondBy"/>; accepting is final and withdraws their other stream applications, declining frees the seat
/// for the next round. An offer left unanswered past its deadline lapses at the next run, which frees the seat too.
/// </summary>
public class Offer : IVersioned
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int SeasonId { get; set; }
    public int StreamId { get; set; }
    public int StreamApplicationId { get; set; }
    public required string ApplicantId { get; set; }
    public OfferState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime RespondBy { get; set; }
    public DateTime? RespondedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Whether the seat is taken: held while the applicant decides, and for good once accepted.</summary>
    public bool HoldsSeat => HoldsSeatIn(State);

    /// <summary>
    /// Whether an offer in <paramref name="state"/> takes its seat. One that does not (declined or lapsed) frees it and
    /// keeps the stream from being offered to the applicant again.
    /// </summary>
    public static bool HoldsSeatIn(OfferState state) => state is OfferState.Pending or OfferState.Accepted;
}

public enum OfferState
{
    Pending,
    Accepted,
    Declined,

    /// <summary>Not answered by the deadline: the next run frees its seat and does not offer the stream to the applicant again.</summary>
    Lapsed,
}
