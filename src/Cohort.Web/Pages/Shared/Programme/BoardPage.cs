using Cohort.Core.Programme;

namespace Cohort.Web.Pages.Shared.Programme;

/// <summary>
/// Base of the two boards, the mentor's and the admin's: the same fellows × milestones over the fellowships each may
/// see, with the season and stream filters.
/// </summary>
public abstract class BoardPage(CohortDbContext db, TimeProvider clock) : PageModel
{
    public CohortFilter Filter { get; private set; } = null!;
    public Board Board { get; private set; } = new([], []);

    protected CohortDbContext Db { get; } = db;

    /// <summary>The fellowships this board shows.</summary>
    protected abstract IQueryable<Fellowship> Visible { get; }

    public async Task OnGetAsync(int? season, int? stream, CancellationToken cancellation)
    {
        Filter = await CohortFilter.LoadAsync(Db, Visible, season, stream, cancellation);
        if (Filter.SeasonId is { } seasonId)
        {
            Board = await ProgrammeBoard.LoadAsync(Db, Visible, seasonId, Filter.StreamId, clock.GetUtcNow().UtcDateTime, cancellation);
        }
    }
}
