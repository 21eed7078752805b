using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Admin.Extensions;

/// <summary>Every extension round, newest season first, with how full each is.</summary>
public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record RoundRow(int Id, string Name, string Season, DateTime OpensAt, DateTime ClosesAt, int Seats, int Budget, string Currency,
        int Applications, int Accepted, long Spent);

    public List<RoundRow> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Rounds = await db.ExtensionRounds.AsNoTracking()
            .Join(db.Seasons, r => r.SeasonId, s => s.Id, (r, s) => new { Round = r, Season = s })
            .OrderByDescending(x => x.Season.ProgrammeStart).ThenByDescending(x => x.Round.OpensAt)
            .Select(x => new RoundRow(x.Round.Id, x.Round.Name, x.Season.Name, x.Round.OpensAt, x.Round.ClosesAt, x.Round.Seats, x.Round.Budget, x.Round.Currency,
                db.ExtensionApplications.Count(a => a.RoundId == x.Round.Id && a.State != ApplicationState.Draft),
                db.ExtensionApplications.Count(a => a.RoundId == x.Round.Id && a.State == ApplicationState.Advanced),
                db.ExtensionApplications.Where(a => a.RoundId == x.Round.Id && a.State == ApplicationState.Advanced).Sum(a => (long)a.RequestedAmount)))
            .ToListAsync(cancellation);
}
