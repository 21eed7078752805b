using Cohort.Core.Accounts;
using Cohort.Core.Programme;
using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Fellows;

/// <summary>
/// The cohort: the fellows of a season (the latest with fellows unless another is chosen), for admins and mentors.
/// A mentor sees only the fellows of the streams they mentor in that season.
/// </summary>
[Authorize(Roles = $"{Roles.Mentor},{Roles.Admin}")]
public class IndexModel(CohortDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CohortFilter Filter { get; private set; } = null!;
    public Board Board { get; private set; } = new([], []);
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(int? season, int? stream, CancellationToken cancellation)
    {
        (var visible, IsAdmin) = await CohortFilter.VisibleAsync(db, authorization, User);
        Filter = await CohortFilter.LoadAsync(db, visible, season, stream, cancellation);
        if (Filter.SeasonId is { } seasonId)
        {
            Board = await ProgrammeBoard.LoadAsync(db, visible, seasonId, Filter.StreamId, clock.GetUtcNow().UtcDateTime, cancellation);
        }
    }
}
