using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Programme;

/// <summary>Where a fellow stands on one milestone, as the boards and the fellow's page show it.</summary>
public enum MilestoneState
{
    Upcoming,
    DueSoon,
    Overdue,

    /// <summary>Handed in and waiting for a mentor's sign-off.</summary>
    Submitted,

    /// <summary>Handed in (or its date passed) and nothing more is asked: no sign-off is required.</summary>
    Done,
    OnTrack,
    AtRisk,
    OffTrack,
}

/// <summary>
/// The rules of a milestone's state for one fellow, in one place so the boards, the fellow's page, the reminder job and
/// the sign-off agree: signed off (by its assessment), else handed in, else by the clock.
/// </summary>
public static class MilestoneProgress
{
    /// <summary>How long before its due date a milestone counts as due soon on the boards.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromDays(7);

    public static MilestoneState StateOf(Milestone milestone, DateTime? submittedAt, Assessment? signOff, DateTime now) =>
        signOff switch
        {
            Assessment.OnTrack => MilestoneState.OnTrack,
            Assessment.AtRisk => MilestoneState.AtRisk,
            Assessment.OffTrack => MilestoneState.OffTrack,
            _ when submittedAt is not null => milestone.RequiresSignOff ? MilestoneState.Submitted : MilestoneState.Done,
            // A milestone with nothing to hand in waits on its sign-off alone; without one either, its date passing is all there is.
            _ when now > milestone.DueAt => milestone.Submission == SubmissionKind.None && !milestone.RequiresSignOff ? MilestoneState.Done : MilestoneState.Overdue,
            _ when now >= milestone.DueAt - DueSoon => MilestoneState.DueSoon,
            _ => MilestoneState.Upcoming,
        };

    /// <summary>Whether a submission came in after the due date (allowed, and shown as late).</summary>
    public static bool IsLate(Milestone milestone, DateTime submittedAt) => submittedAt > milestone.DueAt;

    /// <summary>The words a board cell and the fellow's page use for a state.</summary>
    public static string Say(MilestoneState state) => state switch
    {
        MilestoneState.Upcoming => "upcoming",
        MilestoneState.DueSoon => "due soon",
        MilestoneState.Overdue => "overdue",
        MilestoneState.Submitted => "submitted, awaiting sign-off",
        MilestoneState.Done => "done",
        MilestoneState.OnTrack => "signed off: on track",
        MilestoneState.AtRisk => "signed off: at risk",
        _ => "signed off: off track",
    };

    public static string Say(Assessment assessment) => assessment switch
    {
        Assessment.OnTrack => "on track",
        Assessment.AtRisk => "at risk",
        _ => "off track",
    };

    /// <summary>
    /// The milestones that apply to a fellowship: the season's own, and those of an extension round that accepted it
    /// (an extension application in the pipeline's Advanced state).
    /// </summary>
    public static IQueryable<Milestone> For(CohortDbContext db, Fellowship fellowship) =>
        db.Milestones.Where(m => m.SeasonId == fellowship.SeasonId && (m.ExtensionRoundId == null
            || db.ExtensionApplications.Any(a => a.RoundId == m.ExtensionRoundId && a.FellowshipId == fellowship.Id && a.State == ApplicationState.Advanced)));

    /// <summary>Whether <paramref name="milestone"/> applies to the fellowship, given the extension rounds that accepted it.</summary>
    public static bool AppliesTo(Milestone milestone, IReadOnlySet<int> acceptedRounds) =>
        milestone.ExtensionRoundId is not { } round || acceptedRounds.Contains(round);
}
