using System.Globalization;
using System.Text;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Scores;

/// <summary>
/// A stage's score table: calibrated review scores, composite and parts, sorted on the server by the address's query,
/// with a cutoff that ticks the rows above it, bulk decisions and a CSV export of the same table.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, FindScoreTable find, DecideApplications decide) : ScoresPage(db, audit)
{
    /// <summary>The rounds whose reviews are used; none means every open and closed round of the stage.</summary>
    [BindProperty(SupportsGet = true)]
    public int[] Round { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public ScoreSort Sort { get; set; }

    /// <summary>"asc" or "desc"; by default scores run highest first, the standard error and names lowest first.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    /// <summary>The cutoff as a number of rows from the top.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Top { get; set; }

    /// <summary>The cutoff as the lowest table score above the line.</summary>
    [BindProperty(SupportsGet = true)]
    public double? Cutoff { get; set; }

    public ScoreTable? Table { get; private set; }

    public IReadOnlyList<ScoreTableRow> Rows { get; private set; } = [];

    public IReadOnlySet<int> Above { get; private set; } = new HashSet<int>();

    /// <summary>Set when a rejection waits for its confirmation; the page then shows only that.</summary>
    public ActionConfirmation? Confirm { get; private set; }

    /// <summary>
    /// The standard error when every scored row shows the same one (to two decimals), else null. It is per applicant,
    /// but it depends only on how many reviews the applicant has, from which reviewers, and the reviewers' overall
    /// noise: where every applicant has the same number of reviews from evenly loaded reviewers (the usual round),
    /// it is the same for all, and the page says so once instead of on every row.
    /// </summary>
    public string? SharedStandardError => Rows.Where(r => r.Score is not null).Select(r => r.Score!.StandardError.ToString("0.00", CultureInfo.InvariantCulture))
        .Distinct().Take(2).ToList() is [var only] && Rows.Count(r => r.Score is not null) > 1 ? only : null;

    public bool Descending => Dir is { } dir ? dir != "asc" : Sort is not (ScoreSort.Name or ScoreSort.StandardError);

    /// <summary>The line is drawn where the rows are in the table's order; in another order the rows above it are still ticked.</summary>
    public bool DrawsLine => new Cutoff(Top, Cutoff).IsSet && Sort == ScoreSort.Score && Descending;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is { } failed)
        {
            return failed;
        }

        var name = $"scores-{Stage.ToLowerInvariant()}{(StreamFilter is { } stream ? $"-stream-{stream}" : "")}.csv";
        return File(Encoding.UTF8.GetBytes(ScoreTableExport.Write(Table!, Rows, Above)), "text/csv; charset=utf-8", name);
    }

    /// <summary>Decides the ticked rows through the pipeline's decisions (a rejection once confirmed), then shows the same score table again.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int[] ids, Decision decision, bool confirmed, CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Notice = "That decision was not understood, so nothing was changed.";
            return Redirect(Link());
        }

        if (await Pipeline.IndexModel.ConfirmRejectionAsync(decide, kind, ids, decision, confirmed, Link(), cancellation) is { } confirm)
        {
            Confirm = confirm;
            return Page();
        }

        var outcome = await decide.RunAsync(Actor, kind, ids, decision, cancellation);
        Notice = outcome.Refusal ?? Pipeline.IndexModel.Describe(outcome, decision);
        return Redirect(Link());
    }

    /// <summary>This score table's address with <paramref name="sort"/> (and direction) or a handler in place of the current ones.</summary>
    public string Link(ScoreSort? sort = null, string? handler = null)
    {
        var dir = sort is null ? Dir : sort == Sort ? (Descending ? "asc" : "desc") : null;
        return WithQuery(StagePath,
        [
            StreamPair,
            .. Round.Select(r => new KeyValuePair<string, string?>("round", r.ToString(CultureInfo.InvariantCulture))),
            new("sort", (sort ?? Sort) == ScoreSort.Score ? null : (sort ?? Sort).ToString().ToLowerInvariant()),
            new("dir", dir),
            new("top", Top?.ToString(CultureInfo.InvariantCulture)),
            new("cutoff", Cutoff?.ToString(CultureInfo.InvariantCulture)),
            new("handler", handler),
        ]);
    }

    public string RoundsLink => WithQuery(StagePath + "/rounds", [StreamPair]);

    public string WeightsLink => StagePath + "/weights";

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        Table = await find.RunAsync(kind, StreamFilter, Round, cancellation);
        if (Table is null)
        {
            return RedirectWithNotice("There is no general application form in the current season yet, so there are no scores to show.", "/Admin/Index");
        }

        Rows = ScoreOrder.Sort(Table, Sort, Descending);
        Above = ScoreOrder.Above(Table, new Cutoff(Top, Cutoff));
        return null;
    }
}
