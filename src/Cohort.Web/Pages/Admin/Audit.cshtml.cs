namespace Cohort.Web.Pages.Admin;

/// <summary>The audit log, newest first, 50 entries a page, filtered by a word of the action ("stream", "imported").</summary>
public class AuditModel(CohortDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Longer details fold behind their first characters, so one long entry does not stretch the table.</summary>
    public const int DetailsShown = 120;

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    // Not "page": Razor Pages keeps the page's own path under that route value, which binding would read first.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Action.ToLower().Contains(action));
        }

        Total = await entries.CountAsync(cancellation);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await entries.OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellation);
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageHref(int page) =>
        $"/admin/audit?p={page}" + (string.IsNullOrWhiteSpace(Action) ? "" : $"&action={Uri.EscapeDataString(Action)}");
}
