using Cohort.Core.Extensions;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Cohort.Web.Pages.Portal;

/// <summary>The portal's extension rounds for a fellow: the open ones of their season and those they applied to; nothing for anyone else.</summary>
public sealed class PortalExtensionsViewComponent(CohortDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rounds = await ExtensionStandings.OfAsync(db, UserClaimsPrincipal.Id(), clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        return rounds.Count == 0 ? new ContentViewComponentResult("") : View("Default", rounds);
    }
}
