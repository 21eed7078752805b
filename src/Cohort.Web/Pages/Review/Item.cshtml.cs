using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>The answers to one item reviewers score, each by its attempt number, with how many reviews it has and your score.</summary>
public class ItemModel(CohortDbContext db, TimeProvider clock) : ReviewPage(db, clock)
{
    public List<QueueEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        var seasonId = await SeasonIdAsync(cancellation);
        if (!await FindItemAsync(id, seasonId, cancellation))
        {
            return NotFound();
        }

        Entries = await ReviewQueue.EntriesAsync(Db, ReviewQueue.Answers(Db, ReviewerId, seasonId).Where(a => a.ItemId == id), ReviewerId, cancellation);
        return Page();
    }

    /// <summary>Opens the next answer you have not scored after attempt <paramref name="after"/>, or comes back here when none is left.</summary>
    public async Task<IActionResult> OnGetNextAsync(int id, int after, CancellationToken cancellation)
    {
        var seasonId = await SeasonIdAsync(cancellation);
        if (!await FindItemAsync(id, seasonId, cancellation))
        {
            return NotFound();
        }

        return await NextAnswerAsync(seasonId, after, "", cancellation);
    }
}
