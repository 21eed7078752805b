namespace Cohort.Web.Pages.Shared;

/// <summary>
/// Base of the pages whose changes are audited (the admin's pages, the mentor's assessment editor): the notice shown
/// after a redirect, and the one way every change is saved (guarded by the record's version, together with its audit
/// entry, in the name of the signed-in person).
/// </summary>
public abstract class AuditedPage(CohortDbContext db, AuditLog audit) : PageModel
{
    public const string ConcurrencyProblem = "Someone else changed this while you were editing it, so your change was not saved. Reload the page to see theirs, then make yours again.";

    protected CohortDbContext Db { get; } = db;

    /// <summary>Shown once, by the site layout, on the page the handler redirects to.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>
    /// Makes the save fail if the record changed since the form was rendered. The version is always marked as
    /// modified so the check runs even when only the record's children (stages, mentors) changed.
    /// </summary>
    protected void Guard(IVersioned record, int versionSeen)
    {
        var version = Db.Entry(record).Property(r => r.Version);
        version.OriginalValue = versionSeen;
        version.IsModified = true;
    }

    /// <summary>Records the change and saves it; on a concurrent edit saves nothing and says so on the page.</summary>
    protected async Task<bool> SaveAsync(string action, string subject, string details, CancellationToken cancellation)
    {
        audit.Record(User.AsActor(), action, subject, details);
        if (await Db.SaveOrRefuseAsync(ConcurrencyProblem, cancellation) is not { } refusal)
        {
            return true;
        }

        ModelState.AddModelError("", refusal);
        return false;
    }

    protected IActionResult RedirectWithNotice(string notice, string page, object? routeValues = null)
    {
        Notice = notice;
        return RedirectToPage(page, routeValues);
    }
}
