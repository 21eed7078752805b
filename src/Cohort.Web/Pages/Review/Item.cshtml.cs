using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>The answers to one item reviewers score, each by its attempt number, with how many reviews it has and your score.</summary>
public class ItemModel(CohortDbContext db, TimeProvider clock) : ReviewPage(db, clock)
{
    public List<QueueEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (!await FindItemAsync(id, cancellation))
        {
            return NotFound();
        }

        Entries = await Queue!.EntriesAsync(Queue.Answers.Where(a => a.ItemId == id), cancellation);
        return Page();
    }

    /// <summary>Opens the next answer you have not scored after attempt <paramref name="after"/>, or comes back here when none is left.</summary>
    public async Task<IActionResult> OnGetNextAsync(int id, int after, CancellationToken cancellation) =>
        await FindItemAsync(id, cancellation) ? await NextAnswerAsync(after, "", cancellation) : NotFound();
}
