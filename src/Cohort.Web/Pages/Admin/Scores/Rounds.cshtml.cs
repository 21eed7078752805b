using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Scores;

/// <summary>The history of a stage's review rounds: every round is kept, with how many reviews it holds.</summary>
public class RoundsModel(CohortDbContext db, AuditLog audit, FindScoreTable find) : ScoresPage(db, audit)
{
    public ScoreTable? Table { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        Table = await find.RunAsync(kind, StreamFilter, null, cancellation);
        return Table is null ? RedirectWithNotice("There is no general application form in the current season yet.", "/Admin/Index") : Page();
    }

    /// <summary>The score table that uses only <paramref name="roundId"/>'s reviews.</summary>
    public string TableOf(int roundId) => WithQuery(StagePath, [StreamPair, new("round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
