using Cohort.Core.Applications;
using Cohort.Core.Match;
using Cohort.Core.StreamApplications;

namespace Cohort.Core.Portal;

/// <summary>What the applicant may do next from the portal. The portal offers exactly these, and the use cases refuse the rest.</summary>
public enum ApplicantAction
{
    EditGeneral,
    ApplyToStreams,
    RankStreams,
    Withdraw,
}

/// <summary>An application's state and next step, in the applicant's words, and the date that applies to that step.</summary>
/// <param name="DateLabel">What <paramref name="Deadline"/> is: a deadline, or when the next step opens.</param>
public sealed record Standing(string State, string NextStep, DateTime? Deadline = null, string DateLabel = "Deadline");

/// <summary>One stream application's standing, with the offer made on it if any.</summary>
public sealed record StreamStanding(StreamFacts Stream, Standing Standing, OfferFacts? Offer);

/// <summary>
/// Where an applicant stands in the season, derived from the real data only (decisions, stream applications, offers
/// accepted, declined or lapsed, the match, a withdrawal): each application's state and next step, and which actions
/// still apply. The portal renders this and nothing else; <see cref="Closure"/> is also what the use cases refuse with.
/// </summary>
public sealed record ApplicantStanding(StandingFacts Facts, Standing? General, IReadOnlyList<StreamStanding> Streams, IReadOnlySet<ApplicantAction> Actions, string? Closure)
{
    public bool May(ApplicantAction action) => Actions.Contains(action);

    /// <summary>Whether the applicant may still accept or decline <paramref name="offer"/>: pending, in time, and their selection not over.</summary>
    public bool MayAnswer(OfferFacts offer) => Closure is null && offer.AwaitsAnswerAt(Facts.Now);

    /// <summary>Where an offer stands, in a sentence.</summary>
    public string OfferSummary(OfferFacts offer) => offer.State switch
    {
        _ when MayAnswer(offer) => "Waiting for your answer.",
        OfferState.Accepted => "You accepted it.",
        OfferState.Declined => "You declined it.",
        _ when offer.HasLapsedAt(Facts.Now) => "The deadline to answer passed without an answer: the offer lapses, and its seat goes to the next round.",
        _ => "It can no longer be answered.",
    };

    /// <summary>
    /// Why nothing more can be done in this season's selection, or null while it goes on: the applicant accepted an
    /// offer (final) or withdrew their application (not reversible by them).
    /// </summary>
    public static string? ClosureOf(ApplicationState? general, string? acceptedStream) => (general, acceptedStream) switch
    {
        (_, not null) => $"You accepted the offer of {acceptedStream}, so your selection is complete: nothing more can be applied for, ranked or withdrawn here.",
        (ApplicationState.Withdrawn, _) => "You withdrew your application, so your selection is over this season: nothing more can be applied for, ranked or answered.",
        _ => null,
    };

    public static ApplicantStanding Derive(StandingFacts facts)
    {
        var accepted = facts.Offers.FirstOrDefault(o => o.State == OfferState.Accepted);
        var closure = ClosureOf(facts.General?.State, accepted?.Stream);
        var actions = closure is null ? ActionsOf(facts) : new HashSet<ApplicantAction>();
        var streams = facts.Streams.Select(s =>
        {
            var offer = facts.Offers.Where(o => o.StreamApplicationId == s.ApplicationId).MaxBy(o => o.Id);
            return new StreamStanding(s, StreamStandingOf(facts, s, offer, accepted, actions), offer);
        }).ToList();
        return new(facts, facts.General is null ? null : GeneralStandingOf(facts, facts.General, accepted, actions),
            streams, actions, closure);
    }

    private static HashSet<ApplicantAction> ActionsOf(StandingFacts facts)
    {
        var actions = new HashSet<ApplicantAction>();
        if (facts.General is { } general && general.State is null or ApplicationState.Draft && facts.Now >= general.OpensAt && facts.Now <= general.AcceptsUntil)
        {
            actions.Add(ApplicantAction.EditGeneral);
        }

        if (facts.InvitedToStreams && facts.StreamWindow?.IsOpenAt(facts.Now) == true)
        {
            actions.Add(ApplicantAction.ApplyToStreams);
        }

        if (facts.Streams.Any(s => StreamApplication.IsUnderConsiderationIn(s.State)) && (facts.RankingDeadline is null || facts.Now <= facts.RankingDeadline))
        {
            actions.Add(ApplicantAction.RankStreams);
        }

        if (facts.General?.State is not null and not ApplicationState.Withdrawn)
        {
            actions.Add(ApplicantAction.Withdraw);
        }

        return actions;
    }

    private static Standing GeneralStandingOf(StandingFacts facts, GeneralFacts general, OfferFacts? accepted, IReadOnlySet<ApplicantAction> actions) =>
        (general.State, accepted) switch
        {
            (_, not null) => new("Complete: you accepted a place", $"Nothing to do here: you are a fellow of {accepted.Stream}."),
            (ApplicationState.Withdrawn, _) => new("Withdrawn", "Nothing to do: you withdrew this application."),
            (null or ApplicationState.Draft, _) when facts.Now < general.OpensAt => new("Not started", "The general application opens soon.", general.OpensAt, "Opens"),
            (null or ApplicationState.Draft, _) when !actions.Contains(ApplicantAction.EditGeneral) => new(general.State is null ? "Not started" : "Not submitted", "The general application has closed."),
            (null, _) => new("Not started", "Start your general application before the deadline.", general.ClosesAt),
            (ApplicationState.Draft, _) => new("Draft", "Finish and submit your general application before the deadline.", general.ClosesAt),
            (ApplicationState.Submitted, _) => new("Submitted", "Nothing to do: we will write to you when stage 1 decisions are made."),
            (ApplicationState.Advanced, _) when facts.InvitedToStreams => StreamsStageStanding(facts, actions),
            (ApplicationState.Advanced, _) => general.AssessmentEntryState switch
            {
                ApplicationState.Waitlisted => new("Waitlisted at stage 2", "You are on the waitlist for stage 3; we will write if a place opens."),
                ApplicationState.Rejected => new("Not taken further", "Thank you for taking the assessments. We are not able to take your application further this season."),
                _ => new("Advanced to stage 2", "You are invited to the stage 2 assessments: open each one before it closes."),
            },
            (ApplicationState.Waitlisted, _) => new("Waitlisted", "You are on the waitlist for stage 2; we will write if a place opens."),
            _ => new("Not taken further", "We are not able to take your application further this season."),
        };

    private static Standing StreamsStageStanding(StandingFacts facts, IReadOnlySet<ApplicantAction> actions)
    {
        const string state = "Advanced to stage 3";
        var window = facts.StreamWindow;
        return facts.Offers.Any(o => o.AwaitsAnswerAt(facts.Now)) ? new(state, "Answer your offer: accept or decline it before its deadline.")
            : actions.Contains(ApplicantAction.ApplyToStreams) ? new(state, "You are invited to apply to streams (stage 3).", window!.ClosesAt)
            : window is not null && facts.Now < window.OpensAt ? new(state, "You are invited to apply to streams (stage 3) once they open.", window.OpensAt, "Opens")
            : facts.Streams.Count > 0 ? new(state, "Follow the next step of each of your stream applications.")
            : new(state, "Stream applications are closed.");
    }

    private static Standing StreamStandingOf(StandingFacts facts, StreamFacts stream, OfferFacts? offer, OfferFacts? accepted, IReadOnlySet<ApplicantAction> actions)
    {
        if (offer?.State == OfferState.Accepted)
        {
            return new("Accepted: you are a fellow", "Welcome to the fellowship. Your stream's projects come next.");
        }

        if (stream.State == ApplicationState.Withdrawn || facts.General?.State == ApplicationState.Withdrawn)
        {
            return accepted is not null
                ? new("Withdrawn", $"Nothing to do: withdrawn when you accepted {accepted.Stream}.")
                : new("Withdrawn", "Nothing to do: this application is withdrawn.");
        }

        if (offer is not null)
        {
            return offer.AwaitsAnswerAt(facts.Now) ? new("Offered a place", "Accept or decline the offer before its deadline.", offer.RespondBy)
                : offer.HasLapsedAt(facts.Now) ? new("Offer lapsed", "Nothing to do: the offer was not answered in time, and its seat went to the next round.")
                : new("Offer declined", "Nothing to do: you declined this offer.");
        }

        return stream.State switch
        {
            _ when accepted is not null => new("Closed", $"Nothing to do: you accepted {accepted.Stream}."),
            ApplicationState.Draft when actions.Contains(ApplicantAction.ApplyToStreams) => new("Draft", "Answer its questions and submit."),
            ApplicationState.Draft => new("Not submitted", "Stream applications have closed."),
            ApplicationState.Rejected => new("Not taken further", "The stream is not able to take your application further."),
            _ when facts.UnplacedExplanation is not null => new("Not placed", "The latest round of the match did not place you; see why under The match."),
            _ when actions.Contains(ApplicantAction.RankStreams) => new("Submitted", "Rank your streams before the deadline, and watch your mail for the stream's follow-ups.", facts.RankingDeadline),
            _ => new("Submitted", "Nothing to do: watch your mail for the match."),
        };
    }
}
