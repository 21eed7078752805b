using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>An extension round as the fellow's portal lists it: open now, or applied to.</summary>
public sealed record ExtensionStanding(int RoundId, string Name, Standing Standing);

/// <summary>The extension rounds a fellow's portal shows, each with its state and next step in words.</summary>
public static class ExtensionStandings
{
    public static async Task<IReadOnlyList<ExtensionStanding>> OfAsync(CohortDbContext db, string userId, DateTime now, CancellationToken cancellation)
    {
        var fellowships = Programme.FellowshipScope.OfFellow(db, userId);
        var rounds = await ExtensionScope.RoundsOfFellow(db, userId).AsNoTracking()
            .Select(r => new { Round = r, State = db.ExtensionApplications.Where(a => a.RoundId == r.Id && fellowships.Any(f => f.Id == a.FellowshipId)).Select(a => (ApplicationState?)a.State).FirstOrDefault() })
            .Where(x => x.State != null || (x.Round.OpensAt <= now && x.Round.ClosesAt >= now))
            .OrderByDescending(x => x.Round.ClosesAt).ToListAsync(cancellation);
        return rounds.Select(x => new ExtensionStanding(x.Round.Id, x.Round.Name, Say(x.Round, x.State, now))).ToList();
    }

    private static Standing Say(ExtensionRound round, ApplicationState? state, DateTime now) => state switch
    {
        null => new("Not started", $"Apply before the deadline: your mentors endorse you, then the programme team decides.", round.ClosesAt),
        ApplicationState.Draft when round.IsOpenAt(now) => new("Draft", "Finish and submit before the deadline.", round.ClosesAt),
        ApplicationState.Draft => new("Not submitted", "The deadline passed before this draft was submitted."),
        ApplicationState.Submitted => new("Submitted", "Nothing to do: your mentors endorse it, then the programme team decides."),
        ApplicationState.Waitlisted => new("Waitlisted", "You may still be offered a place if one frees up."),
        ApplicationState.Advanced => new("Accepted", $"Your programme now runs until {round.ExtendsUntil:d MMMM yyyy}, with the round's milestones."),
        ApplicationState.Rejected => new("Not accepted", "Thank you for applying; this round could not extend you."),
        _ => new("Withdrawn", "You withdrew this application."),
    };
}
