using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>Every item reviewers score in the current season's stage 2, with how many answers wait for a first review and for yours.</summary>
public class IndexModel(CohortDbContext db, TimeProvider clock) : ReviewPage(db, clock)
{
    public sealed record ItemRow(Assessment Assessment, AssessmentItem Item, int Answers, int Unreviewed, int NotScoredByYou);

    public List<ItemRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var seasonId = await SeasonIdAsync(cancellation);
        var assessments = await Invitations.StageTwoOf(Db, seasonId).AsNoTracking().Include(a => a.Items)
            .OrderBy(a => a.OpensAt).ThenBy(a => a.Title).ToListAsync(cancellation);
        foreach (var assessment in assessments)
        {
            await AttemptClosing.CloseExpiredAsync(Db, assessment.Id, Now, cancellation);
        }

        var entries = (await ReviewQueue.EntriesAsync(Db, ReviewQueue.Answers(Db, ReviewerId, seasonId), ReviewerId, cancellation)).ToLookup(e => e.ItemId);
        Rows = assessments.SelectMany(a => a.Items.Where(i => !i.IsScoredAutomatically).OrderBy(i => i.Position).Select(i => new ItemRow(
                a, i, entries[i.Id].Count(), entries[i.Id].Count(e => e.Reviews == 0), entries[i.Id].Count(e => e.YourPoints is null))))
            .ToList();
    }
}
