using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Extensions;

namespace Cohort.Web.Pages.Mentor.Extensions;

/// <summary>
/// One of the mentor's fellows' extension applications (/mentor/extensions/{id}): what they wrote and asked, every
/// mentor's endorsement, and the mentor's own to give or change while it awaits a decision. Another stream's
/// application answers 404.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class EndorseModel(CohortDbContext db, EndorseExtension endorse) : PageModel
{
    public sealed class EndorsementInput
    {
        [Range(ExtensionEndorsement.MinRating, ExtensionEndorsement.MaxRating)]
        public int Rating { get; set; }

        [StringLength(ExtensionEndorsement.MaxCommentLength)]
        public string? Comment { get; set; }
    }

    public ExtensionApplicationView View { get; private set; } = null!;

    [BindProperty]
    public EndorsementInput Input { get; set; } = new();

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool CanEndorse => ExtensionScope.AwaitsDecision(View.Row.State);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        var mine = db.Mentors.Where(m => m.UserId == User.Id()).Select(m => m.Id);
        if (await db.ExtensionEndorsements.AsNoTracking().FirstOrDefaultAsync(e => e.ApplicationId == id && mine.Contains(e.MentorId), cancellation) is { } own)
        {
            Input = new() { Rating = own.Rating, Comment = own.Comment };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        var outcome = ModelState.IsValid
            ? await endorse.RunAsync(User.AsActor(), id, Input.Rating, Input.Comment, cancellation)
            : new EndorsementOutcome(false, $"Rate from {ExtensionEndorsement.MinRating} to {ExtensionEndorsement.MaxRating} and keep the comment under {ExtensionEndorsement.MaxCommentLength} characters.");
        if (outcome.NotFound || !await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (outcome.Refusal is null)
        {
            Notice = "Your endorsement is saved.";
            return RedirectToPage(new { id });
        }

        Refusal = outcome.Refusal;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var view = await ExtensionApplicationView.LoadAsync(db, ExtensionScope.OfMentor(db, User.Id()), id, cancellation);
        View = view!;
        return view is not null;
    }
}
