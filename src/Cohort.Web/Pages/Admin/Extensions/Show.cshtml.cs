using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;
using Cohort.Core.Extensions;
using Cohort.Core.Pipeline;

namespace Cohort.Web.Pages.Admin.Extensions;

/// <summary>
/// One extension round (/admin/extensions/{id}): its settings and form, its applications with their endorsements, the
/// bulk decisions with an optional templated mail, and the optimal selection among the endorsed applicants, which
/// the admin may apply as acceptances.
/// </summary>
public class ShowModel(CohortDbContext db, AuditLog audit, DecideExtensions decide) : AuditedPage(db, audit)
{
    public sealed class MailInput
    {
        [StringLength(Core.Mail.SendTemplatedMail.MaxSubjectLength)]
        public string? Subject { get; set; }

        [StringLength(Core.Mail.SendTemplatedMail.MaxBodyLength)]
        public string? Body { get; set; }
    }

    public ExtensionRound Round { get; private set; } = null!;

    public string Season { get; private set; } = "";

    public List<ExtensionRow> Rows { get; private set; } = [];

    /// <summary>Calibrated review scores (0–10) by application, when the round's applications were reviewed.</summary>
    public IReadOnlyDictionary<int, double> ReviewScores { get; private set; } = new Dictionary<int, double>();

    /// <summary>After "Propose": the optimal selection among the endorsed applicants.</summary>
    public SelectionProposal? Proposal { get; private set; }

    [BindProperty]
    public MailInput Mail { get; set; } = new();

    /// <summary>Problems with the decision mail's template, shown beside it.</summary>
    public IReadOnlyList<string> MailProblems { get; private set; } = [];

    public int Accepted => Rows.Count(r => r.State == ApplicationState.Advanced);

    public long Spent => Rows.Where(r => r.State == ApplicationState.Advanced).Sum(r => (long)r.RequestedAmount);

    public static string Known => string.Join(", ", Core.Mail.MailTemplate.Fields.Select(f => $"{{{{{f}}}}}"));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProposeAsync(int id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        Proposal = await ProposeExtensionSelection.RunAsync(Db, id, cancellation);
        return Page();
    }

    /// <summary>Decides the ticked applications, with the mail if one is written; the notice names who was decided and who did not fit.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, int[] ids, Decision decision, CancellationToken cancellation)
    {
        if (!await Db.ExtensionRounds.AnyAsync(r => r.Id == id, cancellation))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return RedirectWithNotice("That decision was not understood, so nothing was changed.", "/Admin/Extensions/Show", new { id });
        }

        var mail = string.IsNullOrWhiteSpace(Mail.Subject) && string.IsNullOrWhiteSpace(Mail.Body) ? null : new DecisionMail(Mail.Subject ?? "", Mail.Body ?? "");
        var outcome = await decide.RunAsync(User.AsActor(), id, ids, decision, mail, cancellation);
        if (outcome.MailProblems.Count > 0)
        {
            MailProblems = outcome.MailProblems;
            ModelState.AddModelError("", outcome.Refusal!);
            await LoadAsync(id, cancellation);
            return Page();
        }

        return RedirectWithNotice(Describe(outcome, decision), "/Admin/Extensions/Show", new { id });
    }

    /// <summary>The notice after a decision: who was decided, who was refused for capacity and why, and how many were left.</summary>
    public static string Describe(ExtensionDecisionOutcome outcome, Decision decision)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var done = decision == Decision.Advance ? "Accepted" : DecideApplications.TargetState(decision).ToString();
        var parts = new List<string>();
        if (outcome.Decided.Count > 0)
        {
            parts.Add($"{done}: {string.Join(", ", outcome.Decided)}.");
        }

        if (outcome.OverCapacity.Count > 0)
        {
            parts.Add($"Not accepted, over the round's capacity: {string.Join("; ", outcome.OverCapacity)}.");
        }

        if (outcome.Skipped > 0)
        {
            parts.Add($"{Text.Count(outcome.Skipped, "selected application")} left as {(outcome.Skipped == 1 ? "it was" : "they were")}: only submitted or waitlisted applications can be decided, and not into the state they are in.");
        }

        return string.Join(" ", parts);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var round = await Db.ExtensionRounds.AsNoTracking().Include(r => r.Questions.OrderBy(q => q.Position)).SingleOrDefaultAsync(r => r.Id == id, cancellation);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Season = await Db.Seasons.Where(s => s.Id == round.SeasonId).Select(s => s.Name).SingleAsync(cancellation);
        Rows = (await ExtensionRows.OfRound(Db, id).ToListAsync(cancellation))
            .OrderBy(r => r.State switch { ApplicationState.Submitted => 0, ApplicationState.Waitlisted => 1, ApplicationState.Advanced => 2, _ => 3 })
            .ThenByDescending(r => r.MeanRating ?? 0).ThenBy(r => r.Id).ToList();
        ReviewScores = await ExtensionScores.CalibratedAsync(Db, id, cancellation);
        return true;
    }
}
