using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// A reviewer's bid sheet for one draft round (/review/bids/{id}): its applications, blind, those matching their
/// expertise first, a page at a time, each with a choice of bid, saved together by one plain form post that works
/// without scripts. A round of another season, or anyone outside the pool, gets 404; a round no longer a draft says
/// bidding has closed. A refused save writes nothing and says why.
/// </summary>
public class BidRoundModel(CohortDbContext db, PlaceBids place) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(BidEntry Entry, BlindApplication? Brief);

    public static IReadOnlyList<(BidLevel? Value, string Label)> Levels { get; } =
        [(null, "No bid"), (BidLevel.Eager, "Eager"), (BidLevel.Willing, "Willing"), (BidLevel.NotWilling, "Not willing"), (BidLevel.Conflict, "Conflict of interest")];

    /// <summary>How a bid reads on the pages, the admin's included.</summary>
    public static string Label(BidLevel bid) => Levels.Single(l => l.Value == bid).Label;

    public ReviewRound? Round { get; private set; }

    /// <summary>Why the reviewer cannot bid in this round (it is no longer a draft); null while they can.</summary>
    public string? Closed { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The bid posted for each application on the page, by subject id ("Bids[12]"); empty for no bid.</summary>
    [BindProperty]
    public Dictionary<int, string?> Bids { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "The bids sent could not be read. Nothing was saved.");
            return Page();
        }

        var changes = new List<BidChange>();
        foreach (var (subjectId, value) in Bids)
        {
            if (string.IsNullOrEmpty(value))
            {
                changes.Add(new(subjectId, null));
            }
            else if (Enum.TryParse<BidLevel>(value, ignoreCase: false, out var level) && Enum.IsDefined(level) && !int.TryParse(value, out _))
            {
                changes.Add(new(subjectId, level));
            }
            else
            {
                ModelState.AddModelError("", $"“{value}” is not a bid: choose eager, willing, not willing or conflict of interest. Nothing was saved.");
                return Page();
            }
        }

        var outcome = await place.RunAsync(User.AsActor(), id, changes, cancellation);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", $"{refusal} Nothing was saved.");
            await LoadAsync(id, cancellation);
            return Page();
        }

        Notice = outcome.Changed == 0 ? "Your bids are as they were: nothing changed." : $"Saved {Text.Count(outcome.Changed, "bid")}.";
        return RedirectToPage("/Review/BidRound", new { id, p = PageNumber });
    }

    /// <summary>Loads the round and this page of the sheet; false when the reviewer may not see the round at all.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var (sheet, refusal) = await BidSheet.OpenAsync(db, User.Id(), id, cancellation);
        if (sheet is null)
        {
            if (refusal != BidSheet.BiddingClosed)
            {
                return false;
            }

            Round = await db.ReviewRounds.AsNoTracking().SingleAsync(r => r.Id == id, cancellation);
            Closed = refusal;
            return true;
        }

        Round = sheet.Facts.Round;
        Total = sheet.Entries.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = [];
        foreach (var entry in sheet.Entries.Skip((PageNumber - 1) * PageSize).Take(PageSize))
        {
            // A conflict declared by this bid keeps the application on the sheet for withdrawing, never its answers.
            Rows.Add(new Row(entry, entry.ConflictBid ? null : await sheet.BriefAsync(db, entry.SubjectId, cancellation)));
        }

        return true;
    }
}
