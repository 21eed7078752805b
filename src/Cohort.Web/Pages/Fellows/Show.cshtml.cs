using Cohort.Core.Programme;
using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Fellows;

/// <summary>
/// A fellow's page for their mentors and admins: stream, project, milestones with submissions and sign-offs, and
/// check-ins. A mentor of the fellow's stream (in the fellowship's season) signs off and checks in here; anyone who
/// may not see the fellowship (another mentor, any applicant or fellow, the fellow themselves, whose page is
/// /portal/fellowship) gets 404, the same as for an id that does not exist.
/// </summary>
public class ShowModel(CohortDbContext db, IAuthorizationService authorization, TimeProvider clock, SignOffMilestone signOff, RecordCheckIn checkIn) : PageModel
{
    public FellowshipView View { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSignOffAsync(int id, int milestone, Assessment? assessment, string? comment, CancellationToken cancellation) =>
        ChangeAsync(id, () => signOff.RunAsync(User.AsActor(), id, milestone, assessment, comment, cancellation), "The milestone is signed off; the fellow was told by mail.", cancellation);

    public Task<IActionResult> OnPostCheckInAsync(int id, Assessment? assessment, string? comment, CancellationToken cancellation) =>
        ChangeAsync(id, () => checkIn.RunAsync(User.AsActor(), id, assessment, comment, cancellation), "The check-in is recorded; the fellow was told by mail.", cancellation);

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<string?>> change, string notice, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        Refusal = await change();
        if (Refusal is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { id });
        }

        await LoadAsync(id, cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var (visible, _) = await CohortFilter.VisibleAsync(db, authorization, User);
        var fellowship = await visible.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellation);
        if (fellowship is null)
        {
            return false;
        }

        var mentors = await FellowshipScope.OfMentor(db, User.Id()).AnyAsync(f => f.Id == id, cancellation);
        View = await FellowshipView.LoadAsync(db, fellowship, mentors ? FellowshipReader.Mentor : FellowshipReader.Admin, clock.GetUtcNow().UtcDateTime, cancellation);
        return true;
    }
}
