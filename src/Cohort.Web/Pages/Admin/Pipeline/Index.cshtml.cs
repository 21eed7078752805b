using Cohort.Core.Pipeline;

namespace Cohort.Web.Pages.Admin.Pipeline;

/// <summary>A stage's rows in a table, filtered by state, eligibility, stream or score, with bulk decisions.</summary>
public class IndexModel(CohortDbContext db, AuditLog audit, FindApplications find, DecideApplications decide) : SelectionPage(db, audit)
{
    public PipelineView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        View = await find.RunAsync(kind, Filter, cancellation);
        return View is null ? RedirectWithNotice("There is no general application form in the current season yet, so no stage has applications.", "/Admin/Index") : Page();
    }

    /// <summary>Decides the ticked applications; the notice says how many changed and how many could not be decided.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int[] ids, Decision decision, CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return RedirectWithNotice("That decision was not understood, so nothing was changed.", "/Admin/Pipeline/Index", SelectionRoute);
        }

        var outcome = await decide.RunAsync(Actor, kind, ids, decision, cancellation);
        return RedirectWithNotice(outcome.Refusal ?? Describe(outcome, decision), "/Admin/Pipeline/Index", SelectionRoute);
    }

    /// <summary>The notice after a decision: how many changed, and why the others did not.</summary>
    internal static string Describe(DecisionOutcome outcome, Decision decision)
    {
        var done = DecideApplications.TargetState(decision).ToString().ToLowerInvariant();
        var notice = $"{outcome.Decided} {Applications(outcome.Decided)} {done}.";
        return outcome.Skipped == 0
            ? notice
            : notice + $" {outcome.Skipped} selected {Applications(outcome.Skipped)} left as they were: only submitted or waitlisted applications can be decided, and not into the state they are in.";
    }

    private static string Applications(int count) => count == 1 ? "application" : "applications";
}
