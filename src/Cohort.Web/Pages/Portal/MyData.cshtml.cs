using System.Text;
using Cohort.Core.Accounts;
using Cohort.Core.Privacy;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The signed-in applicant's personal data as one JSON file: theirs only, since the account is the session's own and no
/// id is taken from the request. What it holds and leaves out is <see cref="ApplicantData"/>'s (docs/decisions/privacy.md).
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class MyDataModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public const string FileName = "cohort-my-data.json";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var data = await ApplicantData.CollectAsync(db, User.Id(), clock.GetUtcNow().UtcDateTime, cancellation);
        if (data is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(ApplicantData.ToJson(data)), "application/json", FileName);
    }
}
