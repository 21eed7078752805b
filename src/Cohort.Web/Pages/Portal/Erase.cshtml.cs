using Cohort.Core.Accounts;
using Cohort.Core.Privacy;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The applicant asks that their data be erased. GET says what erasure does and whether a request is already waiting;
/// the POST records the request only with <c>confirmed=true</c>, which only this page's form sends. An admin carries it
/// out on /admin/privacy: erasure cannot be undone, so a person checks it first (docs/decisions/privacy.md).
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class EraseModel(CohortDbContext db, RequestErasure requestErasure) : PageModel
{
    public const string Unconfirmed = "Nothing was asked yet: erasure cannot be undone, so confirm it on this page.";
    public const string Recorded = "Your request is recorded. An admin will erase your data; you will no longer be able to sign in once they have.";

    /// <summary>When the applicant's open request was made, if one is waiting.</summary>
    public DateTime? RequestedAt { get; private set; }

    /// <summary>The admin's reason, when the applicant's latest request was declined and they have not asked again.</summary>
    public string? DeclinedBecause { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var me = User.Id();
        var latest = await db.ErasureRequests.Where(r => r.ApplicantId == me).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellation);
        RequestedAt = latest is { IsOpen: true } ? latest.RequestedAt : null;
        DeclinedBecause = latest?.DeclineReason;
    }

    public async Task<IActionResult> OnPostAsync(bool confirmed, CancellationToken cancellation)
    {
        if (!confirmed)
        {
            TempData["Notice"] = Unconfirmed;
            return RedirectToPage();
        }

        await requestErasure.RunAsync(User.Id(), cancellation);
        TempData["Notice"] = Recorded;
        return RedirectToPage();
    }
}
