namespace Cohort.Web.Pages.Admin.Faq;

/// <summary>The FAQ in its public order, with buttons to move, edit and delete entries.</summary>
public class IndexModel(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    public List<FaqEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Entries = await LoadAsync(cancellation);

    /// <summary>Moves an entry one place up (<paramref name="by"/> = -1) or down (+1).</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken cancellation)
    {
        var entries = await LoadAsync(cancellation);
        var from = entries.FindIndex(e => e.Id == id);
        if (from < 0)
        {
            return NotFound();
        }

        var to = from + Math.Sign(by);
        var entry = entries[from];
        if (to < 0 || to >= entries.Count)
        {
            return RedirectWithNotice($"“{Text.Shorten(entry.Question)}” is already at the {(to < 0 ? "top" : "bottom")}.", "/Admin/Faq/Index");
        }

        (entries[from], entries[to]) = (entries[to], entries[from]);
        Renumber(entries);
        await SaveAsync("faq.moved", $"faq:{Text.Shorten(entry.Question)}", $"to place {to + 1} of {entries.Count}", cancellation);
        return RedirectWithNotice($"Moved “{Text.Shorten(entry.Question)}” to place {to + 1}.", "/Admin/Faq/Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellation)
    {
        var entries = await LoadAsync(cancellation);
        var entry = entries.Find(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }

        Db.Faq.Remove(entry);
        entries.Remove(entry);
        Renumber(entries);
        await SaveAsync("faq.deleted", $"faq:{Text.Shorten(entry.Question)}", entry.Question, cancellation);
        return RedirectWithNotice($"Deleted “{Text.Shorten(entry.Question)}”.", "/Admin/Faq/Index");
    }

    private static void Renumber(List<FaqEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Position = i;
        }
    }

    private async Task<List<FaqEntry>> LoadAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        return season is null ? [] : await Db.Faq.Where(f => f.SeasonId == season.Id).OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(cancellation);
    }
}
