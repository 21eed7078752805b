using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Privacy;

namespace Cohort.Web.Pages.Admin.Privacy;

/// <summary>
/// Applicants' requests to erase their data: the open ones, each with whether the person is still being considered,
/// and the ones carried out (by pseudonym only). Erasing asks for a confirmation first, since it cannot be undone;
/// declining asks for the reason the applicant is sent, and erases nothing.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, EraseApplicant erase, DeclineErasure decline) : AuditedPage(db, audit)
{
    public sealed record OpenRequest(int Id, string ApplicantId, string Email, string Name, DateTime RequestedAt, bool StillConsidered);

    public sealed record DeclinedRequest(string Email, DateTime RequestedAt, DateTime DeclinedAt, string Reason);

    public List<OpenRequest> Open { get; private set; } = [];
    public List<DeclinedRequest> Declined { get; private set; } = [];
    public List<ErasureRequest> Erased { get; private set; } = [];
    public ActionConfirmation? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostEraseAsync(int id, bool confirmed, CancellationToken cancellation)
    {
        await LoadAsync(cancellation);
        if (Open.SingleOrDefault(r => r.Id == id) is not { } request)
        {
            return RedirectWithNotice("There is no such open request: it may have been carried out already.", "/Admin/Privacy/Index");
        }

        if (!confirmed)
        {
            Confirm = new($"Erase the data of {request.Email}?",
                $"{request.Name} ({request.Email}) loses their account, answers, files, rankings and mail; the audit log and the match records keep them under a pseudonym, " +
                    "and the season's counts keep their applications' states. " +
                    (request.StillConsidered ? "They are still being considered this season: erasing leaves their applications in place under the pseudonym. " : "") +
                    "This cannot be undone.",
                "Yes, erase their data", "/admin/privacy", [new("id", id.ToString(CultureInfo.InvariantCulture))]);
            return Page();
        }

        var outcome = await erase.RunAsync(User.AsActor(), request.ApplicantId, cancellation);
        return RedirectWithNotice(outcome.Refusal ?? $"Erased: the account is now {outcome.Pseudonym}.", "/Admin/Privacy/Index");
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, string? reason, CancellationToken cancellation)
    {
        var problem = await decline.RunAsync(User.AsActor(), id, reason, cancellation);
        return RedirectWithNotice(problem ?? "Declined: the applicant was sent the reason, and may ask again.", "/Admin/Privacy/Index");
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Open = await Db.ErasureRequests.AsNoTracking().Where(ErasureRequest.Waiting).OrderBy(r => r.RequestedAt)
            .Join(Db.Users, r => r.ApplicantId, u => u.Id, (r, u) => new OpenRequest(r.Id, r.ApplicantId, u.Email!, u.DisplayName, r.RequestedAt,
                Db.Applications.Any(a => a.ApplicantId == u.Id && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Advanced || a.State == ApplicationState.Waitlisted))))
            .ToListAsync(cancellation);
        Declined = await Db.ErasureRequests.AsNoTracking().Where(r => r.DeclinedAt != null).OrderByDescending(r => r.DeclinedAt).Take(100)
            .Join(Db.Users, r => r.ApplicantId, u => u.Id, (r, u) => new DeclinedRequest(u.Email!, r.RequestedAt, r.DeclinedAt!.Value, r.DeclineReason!))
            .ToListAsync(cancellation);
        Erased = await Db.ErasureRequests.AsNoTracking().Where(r => r.ErasedAt != null).OrderByDescending(r => r.ErasedAt).Take(100).ToListAsync(cancellation);
    }
}
