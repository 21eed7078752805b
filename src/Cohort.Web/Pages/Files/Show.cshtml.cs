using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Files;

/// <summary>
/// An uploaded file, for its owner and for admins only. Anyone else gets 404, the same as for an id that does
/// not exist, so guessing ids reveals nothing. It is always a download, never shown inline, so a file crafted to
/// look like a page cannot run in the site's origin; <c>nosniff</c> and <c>no-store</c> come with every response.
/// </summary>
public class ShowModel(CohortDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        var userId = User.Id();
        var isAdmin = User.IsInRole(Roles.Admin);
        var file = await db.StoredFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == id && (isAdmin || f.OwnerId == userId), cancellation);
        if (file is null)
        {
            return NotFound();
        }

        return File(file.Content, file.ContentType, file.FileName);
    }
}
