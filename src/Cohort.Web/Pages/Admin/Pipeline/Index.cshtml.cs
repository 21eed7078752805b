using Cohort.Core.Pipeline;

namespace Cohort.Web.Pages.Admin.Pipeline;

/// <summary>A stage's rows in a table, filtered by state, eligibility, stream or score, with bulk decisions.</summary>
public class IndexModel(CohortDbContext db, AuditLog audit, FindApplications find, DecideApplications decide) : SelectionPage(db, audit)
{
    public PipelineView? View { get; private set; }

    /// <summary>Set when a rejection waits for its confirmation; the page then shows only that.</summary>
    public ActionConfirmation? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        View = await find.RunAsync(kind, Filter, cancellation);
        return View is null ? RedirectWithNotice("There is no general application form in the current season yet, so no stage has applications.", "/Admin/Index") : Page();
    }

    /// <summary>
    /// Decides the ticked applications; the notice says how many changed and how many could not be decided. A
    /// rejection is final, so it first asks for confirmation, saying how many applications it would reject.
    /// </summary>
    public async Task<IActionResult> OnPostDecideAsync(int[] ids, Decision decision, bool confirmed, CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return RedirectWithNotice("That decision was not understood, so nothing was changed.", "/Admin/Pipeline/Index", SelectionRoute);
        }

        if (await ConfirmRejectionAsync(decide, kind, ids, decision, confirmed, Url.Page("/Admin/Pipeline/Index", SelectionRoute)!, cancellation) is { } confirm)
        {
            Confirm = confirm;
            return Page();
        }

        var outcome = await decide.RunAsync(User.AsActor(), kind, ids, decision, cancellation);
        return RedirectWithNotice(outcome.Refusal ?? Describe(outcome, decision), "/Admin/Pipeline/Index", SelectionRoute);
    }

    /// <summary>
    /// The confirmation a rejection needs before it acts, or null when none is needed: another decision, a confirmed
    /// one, or a selection where nothing would be rejected (nothing final would happen).
    /// </summary>
    internal static async Task<ActionConfirmation?> ConfirmRejectionAsync(DecideApplications decide, StageKind stage, int[] ids, Decision decision, bool confirmed, string cancelHref, CancellationToken cancellation)
    {
        if (decision != Decision.Reject || confirmed || await decide.PreviewAsync(stage, ids, decision, cancellation) is not (> 0 and var count))
        {
            return null;
        }

        var left = ids.Distinct().Count() - count;
        return new(
            $"Reject {Text.Count(count, "application")}?",
            $"{Text.Count(count, "application")} will be rejected. A rejection is final: it cannot be undone from the pipeline, and the applicants can no longer go on to the next stage." +
                (left > 0 ? $" {Text.Count(left, "other selected application")} cannot be decided and will be left as {(left == 1 ? "it is" : "they are")}." : ""),
            $"Yes, reject {Text.Count(count, "application")}",
            cancelHref,
            [.. ids.Distinct().Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))), new("decision", decision.ToString())]);
    }

    /// <summary>The notice after a decision: how many changed, and why the others did not.</summary>
    internal static string Describe(DecisionOutcome outcome, Decision decision)
    {
        var done = DecideApplications.TargetState(decision).ToString().ToLowerInvariant();
        var notice = $"{Text.Count(outcome.Decided, "application")} {done}.";
        return outcome.Skipped == 0
            ? notice
            : notice + $" {Text.Count(outcome.Skipped, "selected application")} left as {(outcome.Skipped == 1 ? "it was" : "they were")}: only submitted or waitlisted applications can be decided, and not into the state they are in.";
    }
}

