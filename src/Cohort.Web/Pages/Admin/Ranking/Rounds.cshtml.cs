using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Ranking;

/// <summary>The history of a stage's review rounds: every round is kept, with how many reviews it holds.</summary>
public class RoundsModel(CohortDbContext db, AuditLog audit, RankSubjects rank) : RankingPage(db, audit)
{
    public Core.Review.Ranking? Ranking { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        Ranking = await rank.RunAsync(kind, StreamFilter, null, cancellation);
        return Ranking is null ? RedirectWithNotice("There is no general application form in the current season yet.", "/Admin/Index") : Page();
    }

    /// <summary>The ranking that uses only <paramref name="roundId"/>'s reviews.</summary>
    public string RankingOf(int roundId) => WithQuery(StagePath, [StreamPair, new("round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
