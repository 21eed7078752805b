using Cohort.Core.Review;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Cohort.Web.Pages.Shared;

/// <summary>
/// The promise of blind review, as the current season's settings make it (<see cref="BlindPromise.ForApplicants"/>):
/// every public page that speaks of blind review renders this, never text of its own, so the pages and the settings
/// cannot disagree. Renders nothing before there is a season.
/// </summary>
public sealed class BlindPromiseViewComponent(CohortDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        return season is null
            ? new ContentViewComponentResult("")
            : View("Default", BlindPromise.ForApplicants(await BlindApplication.SettingsAsync(db, season.Id, cancellation)));
    }
}
