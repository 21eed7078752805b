using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// Every item reviewers score in the current season's stage 2, with how many answers wait for a first review and for
/// yours; for someone outside the season's pool, only a word that there is nothing for them to score.
/// </summary>
public class IndexModel(CohortDbContext db, TimeProvider clock) : ReviewPage(db, clock)
{
    public sealed record ItemRow(Assessment Assessment, AssessmentItem Item, int Answers, int Unreviewed, int NotScoredByYou);

    public List<ItemRow> Rows { get; private set; } = [];

    /// <summary>False when the signed-in account has no profile in the current season's reviewer pool.</summary>
    public bool InPool { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (await OpenQueueAsync(cancellation) is not { } queue)
        {
            return;
        }

        InPool = true;
        var assessments = await Invitations.AssessmentStageOf(Db, queue.Scope.SeasonId).AsNoTracking().Include(a => a.Items)
            .OrderBy(a => a.OpensAt).ThenBy(a => a.Title).ToListAsync(cancellation);
        foreach (var assessment in assessments)
        {
            await AttemptClosing.CloseExpiredAsync(Db, assessment.Id, Now, cancellation);
        }

        var entries = (await queue.EntriesAsync(queue.Answers, cancellation)).ToLookup(e => e.ItemId);
        Rows = assessments.SelectMany(a => a.Items.Where(i => !i.IsScoredAutomatically).OrderBy(i => i.Position).Select(i => new ItemRow(
                a, i, entries[i.Id].Count(), entries[i.Id].Count(e => e.Reviews == 0), entries[i.Id].Count(e => e.YourPoints is null))))
            .ToList();
    }
}
