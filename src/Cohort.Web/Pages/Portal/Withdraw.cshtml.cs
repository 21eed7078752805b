using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Portal;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The confirmation of a withdrawal, which the applicant cannot undo: of the whole application (leaving the season's
/// selection, stream applications included), or with <c>stream</c> of one stream application. GET says what will
/// happen; the POST acts only with <c>confirmed=true</c>, which only this page's form sends. Works without JavaScript.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class WithdrawModel(CohortDbContext db, WithdrawApplication withdraw, WithdrawStreamApplication withdrawStream, TimeProvider clock) : PageModel
{
    public const string Unconfirmed = "Nothing was withdrawn yet: a withdrawal cannot be undone, so confirm it on this page.";

    public ApplicantStanding Standing { get; private set; } = null!;

    /// <summary>The stream application to withdraw, by stream id; null for the whole application.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Stream { get; set; }

    /// <summary>The stream application named by <see cref="Stream"/>, when there is one.</summary>
    public StreamStanding? StreamApplication { get; private set; }

    /// <summary>What the withdrawal takes with it: every live stream application, or just the one.</summary>
    public IEnumerable<StreamStanding> Leaving => StreamApplication is { } one ? [one]
        : Standing.Streams.Where(s => s.Stream.State != ApplicationState.Withdrawn);

    /// <summary>Why there is nothing to withdraw here, or null when the withdrawal can be confirmed.</summary>
    public string? Nothing => Standing.Closure
        ?? (StreamApplication is { } one ? one.Stream.State == ApplicationState.Withdrawn ? "You already withdrew this stream application." : null
            : Standing.May(ApplicantAction.Withdraw) ? null : "You have no application to withdraw.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(bool confirmed, CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Notice"] = Unconfirmed;
            return RedirectToPage(new { stream = Stream });
        }

        var me = User.Id();
        string? refusal;
        if (Stream is { } stream)
        {
            refusal = await withdrawStream.RunAsync(me, stream, cancellation);
        }
        else
        {
            var form = await db.ApplicationForms.Where(f => f.Kind == FormKind.General && db.Seasons.Any(s => s.Id == f.SeasonId && s.IsCurrent))
                .Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellation);
            refusal = form is { } id ? await withdraw.RunAsync(me, id, cancellation) : "There is no application to withdraw.";
        }

        TempData["Notice"] = refusal ?? (Stream is null
            ? "Your application was withdrawn. Thank you for your interest; we hope to see you in a later season."
            : "You withdrew that stream application.");
        return Redirect("/portal");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        Standing = await ApplicantStandings.LoadAsync(db, User.Id(), clock.GetUtcNow().UtcDateTime, cancellation);
        StreamApplication = Standing.Streams.SingleOrDefault(s => s.Stream.StreamId == Stream);
        return Stream is null || StreamApplication is not null;
    }
}
