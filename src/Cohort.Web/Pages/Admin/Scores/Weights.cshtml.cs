using System.Globalization;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Scores;

/// <summary>The weights of a stage's composite: one number per assessment and review round; 0 leaves a part out.</summary>
public class WeightsModel(CohortDbContext db, AuditLog audit, CompositeWeights weights) : ScoresPage(db, audit)
{
    public IReadOnlyList<CompositePart> Parts { get; private set; } = [];

    /// <summary>What the admin typed, by part key, kept when the form is shown again with a problem.</summary>
    [BindProperty]
    public Dictionary<string, string> Weight { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        Parts = await weights.CandidatesAsync(kind, cancellation);
        Weight = Parts.ToDictionary(p => p.Key, p => p.Weight.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        Parts = await weights.CandidatesAsync(kind, cancellation);
        var parsed = new Dictionary<string, double>();
        foreach (var (key, text) in Weight)
        {
            if (!double.TryParse(string.IsNullOrWhiteSpace(text) ? "0" : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                ModelState.AddModelError("", $"\"{text}\" is not a number: write weights like 0.35.");
                return Page();
            }

            parsed[key] = value;
        }

        if (await weights.SetAsync(Actor, kind, parsed, cancellation) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        return RedirectWithNotice("The composite weights were saved.", "/Admin/Scores/Index", new { stage = Stage.ToLowerInvariant() });
    }
}
