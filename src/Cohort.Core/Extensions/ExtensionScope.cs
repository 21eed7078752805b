using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Programme;

namespace Cohort.Core.Extensions;

/// <summary>
/// Who reaches which extension round and application. A fellow applies to the rounds of the seasons they are a fellow
/// of, through their own fellowship; a mentor reads and endorses the applications of the fellowships they mentor
/// (<see cref="FellowshipScope.OfMentor"/>, so by the fellowship's season); admins reach all. Reviewers read them only
/// through review assignments, blind.
/// </summary>
public static class ExtensionScope
{
    /// <summary>The rounds a fellow account may apply to: those of a season in which it has a fellowship.</summary>
    public static IQueryable<ExtensionRound> RoundsOfFellow(CohortDbContext db, string userId) =>
        db.ExtensionRounds.Where(r => FellowshipScope.OfFellow(db, userId).Any(f => f.SeasonId == r.SeasonId));

    /// <summary>The fellow's fellowship in the round's season, the one an application to it is made for.</summary>
    public static IQueryable<Fellowship> FellowshipFor(CohortDbContext db, string userId, ExtensionRound round) =>
        FellowshipScope.OfFellow(db, userId).Where(f => f.SeasonId == round.SeasonId);

    /// <summary>The applications a mentor account reads and endorses: handed in (never drafts) by fellows it mentors.</summary>
    public static IQueryable<ExtensionApplication> OfMentor(CohortDbContext db, string userId) =>
        db.ExtensionApplications.Where(a => a.State != ApplicationState.Draft && FellowshipScope.OfMentor(db, userId).Any(f => f.Id == a.FellowshipId));

    /// <summary>The states a decision may still change: submitted (awaiting one) or waitlisted.</summary>
    public static bool AwaitsDecision(ApplicationState state) => state is ApplicationState.Submitted or ApplicationState.Waitlisted;
}
