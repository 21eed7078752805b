using Cohort.Core.Extensions;

namespace Cohort.Web.Pages.Admin.Extensions;

/// <summary>One extension application as the admin reads it before deciding: answers, amount and endorsements.</summary>
public class ApplicationModel(CohortDbContext db) : PageModel
{
    public ExtensionApplicationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int round, int id, CancellationToken cancellation)
    {
        var view = await ExtensionApplicationView.LoadAsync(db, db.ExtensionApplications.Where(a => a.RoundId == round), id, cancellation);
        View = view!;
        return view is null ? NotFound() : Page();
    }
}
