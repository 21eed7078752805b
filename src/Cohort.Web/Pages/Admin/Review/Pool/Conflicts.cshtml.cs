using System.ComponentModel.DataAnnotations;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// The conflicts declared for one reviewer: an admin names an applicant by email, and the pair is never assigned.
/// Conflicts of the same organisation or email domain need no declaring; assignment finds them itself.
/// </summary>
public class ConflictsModel(CohortDbContext db, AuditLog audit, DeclareConflicts declare) : AuditedPage(db, audit)
{
    public sealed record Row(DeclaredConflict Conflict, string Name, string Email);

    public ReviewerProfile Profile { get; private set; } = null!;

    public string ReviewerEmail { get; private set; } = "";

    public List<Row> Declared { get; private set; } = [];

    [BindProperty, Required, EmailAddress, StringLength(256), Display(Name = "Applicant (email)")]
    public string? ApplicantEmail { get; set; }

    [BindProperty, StringLength(500)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await declare.RunAsync(User.AsActor(), Profile.SeasonId, [new(ReviewerEmail, ApplicantEmail!, Reason ?? "")], cancellation);
        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError(problem.Field switch { "applicant" => nameof(ApplicantEmail), "reason" => nameof(Reason), _ => "" }, problem.Message);
        }

        if (outcome.Unchanged > 0)
        {
            ModelState.AddModelError(nameof(ApplicantEmail), $"A conflict with {ApplicantEmail!.Trim()} is already declared.");
        }

        return ModelState.IsValid
            ? RedirectWithNotice($"Declared a conflict between {ReviewerEmail} and {ApplicantEmail!.Trim()}.", "/Admin/Review/Pool/Conflicts", new { id })
            : Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int conflictId, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation) || Declared.SingleOrDefault(r => r.Conflict.Id == conflictId) is not { } row)
        {
            return NotFound();
        }

        Db.Remove(Profile.Conflicts.Single(c => c.Id == conflictId));
        Guard(Profile, Profile.Version);
        return await SaveAsync("reviewer.conflict-removed", $"reviewer:{ReviewerEmail}", $"with {row.Email}", cancellation)
            ? RedirectWithNotice($"Removed the conflict between {ReviewerEmail} and {row.Email}.", "/Admin/Review/Pool/Conflicts", new { id })
            : Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var profile = season is null ? null
            : await Db.ReviewerProfiles.Include(p => p.Conflicts).SingleOrDefaultAsync(p => p.Id == id && p.SeasonId == season.Id, cancellation);
        if (profile is null)
        {
            return false;
        }

        Profile = profile;
        ReviewerEmail = await Db.Users.Where(u => u.Id == profile.UserId).Select(u => u.Email ?? "").SingleAsync(cancellation);
        var ids = profile.Conflicts.Select(c => c.ApplicantId).ToList();
        var people = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellation);
        Declared = profile.Conflicts.Select(c => new Row(c, people[c.ApplicantId].DisplayName, people[c.ApplicantId].Email ?? ""))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
