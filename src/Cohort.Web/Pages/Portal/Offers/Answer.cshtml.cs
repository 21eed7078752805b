using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Match;
using Cohort.Core.Portal;

namespace Cohort.Web.Pages.Portal.Offers;

/// <summary>
/// The offer page, which is also the confirmation of an answer: GET shows the offer and what accepting or declining
/// does; the POST acts only with <c>confirmed=true</c>, which only the confirmation's own form sends, so no other form,
/// script or replayed post can accept (final) or decline an offer in one step. Works without JavaScript.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class AnswerModel(CohortDbContext db, RespondToOffer respond, TimeProvider clock) : PageModel
{
    public const string Unconfirmed = "Nothing was done yet: an answer to an offer is final, so confirm it on this page.";

    public OfferFacts Offer { get; private set; } = null!;
    public ApplicantStanding Standing { get; private set; } = null!;

    /// <summary>The answer being confirmed: "accept", "decline", or null to show the offer with both choices.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Answer { get; set; }

    public bool AwaitsAnswer { get; private set; }

    /// <summary>The applicant's other live stream applications, which accepting withdraws.</summary>
    public IEnumerable<StreamStanding> Others => Standing.Streams
        .Where(s => s.Stream.ApplicationId != Offer.StreamApplicationId && s.Stream.State != ApplicationState.Withdrawn);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        Answer = Answer is "accept" or "decline" ? Answer : null;
        return await LoadAsync(id, cancellation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool accept, bool confirmed, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Notice"] = Unconfirmed;
            return RedirectToPage(new { id, answer = accept ? "accept" : "decline" });
        }

        var refusal = await respond.RunAsync(User.AsActor(), id, accept, cancellation);
        TempData["Notice"] = refusal ?? (accept
            ? "You accepted the offer. Welcome to the fellowship; your other stream applications are withdrawn."
            : "You declined the offer; the seat goes to someone else.");
        return Redirect("/portal");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Standing = await ApplicantStandings.LoadAsync(db, User.Id(), now, cancellation);
        // Only the applicant's own offers are in their standing: anyone else's id is "no such offer".
        if (Standing.Facts.Offers.SingleOrDefault(o => o.Id == id) is not { } offer)
        {
            return false;
        }

        Offer = offer;
        AwaitsAnswer = Standing.MayAnswer(offer);
        return true;
    }
}
