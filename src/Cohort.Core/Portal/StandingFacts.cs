using Cohort.Core.Applications;
using Cohort.Core.Match;

namespace Cohort.Core.Portal;

/// <summary>
/// Everything an applicant's standing follows from, read from the database in one place
/// (<see cref="ApplicantStandings.LoadAsync"/>), so <see cref="ApplicantStanding.Derive"/> is a pure function of it.
/// </summary>
/// <param name="Now">When the standing is drawn (UTC): windows and offer deadlines are judged at this moment.</param>
/// <param name="General">The current season's general application form and the applicant's answer to it; null when the season has no form.</param>
/// <param name="InvitedToStreams">Advanced past stage 1 and the assessments (<see cref="StreamApplications.StreamsStage.IsInvitedAsync"/>).</param>
/// <param name="StreamWindow">The stage 3 windows of the season's tracks, as one span from the first opening to the last close; null without any.</param>
/// <param name="RankingDeadline">The season's deadline for ranking streams, or null while none is set.</param>
/// <param name="UnplacedExplanation">Why the latest published match run did not place the applicant, for someone it considered and left out who holds no seat.</param>
public sealed record StandingFacts(
    DateTime Now,
    GeneralFacts? General,
    bool InvitedToStreams,
    Window? StreamWindow,
    DateTime? RankingDeadline,
    IReadOnlyList<StreamFacts> Streams,
    IReadOnlyList<OfferFacts> Offers,
    string? UnplacedExplanation);

/// <summary>A stage's window (UTC).</summary>
public sealed record Window(DateTime OpensAt, DateTime ClosesAt)
{
    public bool IsOpenAt(DateTime now) => now >= OpensAt && now <= ClosesAt;
}

/// <param name="State">The applicant's application, or null while they have not started one.</param>
public sealed record GeneralFacts(string Title, DateTime OpensAt, DateTime ClosesAt, DateTime AcceptsUntil, ApplicationState? State, ApplicationState? AssessmentEntryState);

/// <summary>One stream application of the applicant in the current season.</summary>
public sealed record StreamFacts(int ApplicationId, int StreamId, string Slug, string Name, ApplicationState State);

/// <summary>One offer made to the applicant in the current season.</summary>
public sealed record OfferFacts(int Id, int StreamApplicationId, string Stream, OfferState State, DateTime RespondBy)
{
    /// <summary>Still answerable: pending and its deadline not passed.</summary>
    public bool AwaitsAnswerAt(DateTime now) => State == OfferState.Pending && now <= RespondBy;

    /// <summary>Not answered in time: lapsed already, or pending past its deadline until the next run marks it lapsed.</summary>
    public bool HasLapsedAt(DateTime now) => State == OfferState.Lapsed || (State == OfferState.Pending && now > RespondBy);
}
