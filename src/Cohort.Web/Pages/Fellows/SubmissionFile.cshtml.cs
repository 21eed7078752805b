using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Fellows;

/// <summary>
/// The PDF a fellow handed in for a milestone, for the admins and the mentors who may see the fellowship (the fellow
/// downloads their own from /files/{id}); anyone else gets 404. Always a download, as every stored file is.
/// </summary>
public class SubmissionFileModel(CohortDbContext db, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int milestone, CancellationToken cancellation)
    {
        var (visible, _) = await CohortFilter.VisibleAsync(db, authorization, User);
        var file = await db.MilestoneSubmissions.AsNoTracking()
            .Where(s => s.FellowshipId == id && s.MilestoneId == milestone && visible.Any(f => f.Id == id))
            .Select(s => s.File).SingleOrDefaultAsync(cancellation);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
