using Cohort.Core.Data;

namespace Cohort.Core.Programme;

/// <summary>
/// A fellow's place in the season's cohort, made when they accept their offer (<c>RespondToOffer</c>): their stream,
/// the offer and stream application behind it, and until when the programme runs for them. It is the record every
/// part of the programme after the match hangs on: milestones, check-ins, artifacts and extensions.
/// </summary>
public class Fellowship : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public int StreamId { get; set; }

    /// <summary>The accepted offer that made the applicant a fellow; one fellowship an offer.</summary>
    public int OfferId { get; set; }

    public int StreamApplicationId { get; set; }
    /// <summary>The fellow's account: the applicant who accepted the offer.</summary>
    public required string ApplicantId { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>The last day of the programme for this fellow: the season's end, or the end date of the extension round that accepted them (their extension application is the record of it; the fellowship holds no key to it, so the two do not point at each other).</summary>
    public DateOnly EndsOn { get; set; }

    public int Version { get; set; }
}
