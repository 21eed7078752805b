using Cohort.Core.Admin;

namespace Cohort.Web.Pages.Admin;

/// <summary>The admin dashboard: the season's phase, what needs attention now (each linked to the page that resolves it), the next dates, and what the season holds.</summary>
public class IndexModel(CohortDbContext db, NeedsAttention attention) : PageModel
{
    public sealed record Count(string What, int Number, string Href);

    public Season? Season { get; private set; }

    public SeasonAttention? Attention { get; private set; }

    public List<Track> Tracks { get; private set; } = [];

    public List<Count> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        Attention = await attention.RunAsync(cancellation);
        var seasonId = Season?.Id ?? 0;
        Tracks = await db.Tracks.AsNoTracking().Where(t => t.SeasonId == seasonId).OrderBy(t => t.Id).ToListAsync(cancellation);
        Counts =
        [
            new("Streams", await db.Streams.CountAsync(s => s.Track!.SeasonId == seasonId, cancellation), "/admin/streams"),
            new("Mentors", await db.Mentors.CountAsync(m => m.SeasonId == seasonId, cancellation), "/admin/mentors"),
            new("FAQ entries", await db.Faq.CountAsync(f => f.SeasonId == seasonId, cancellation), "/admin/faq"),
            new("Key dates", await db.KeyDates.CountAsync(d => d.SeasonId == seasonId, cancellation), "/admin/dates"),
            new("Audit entries", await db.AuditEntries.CountAsync(cancellation), "/admin/audit"),
            new("Mail waiting to be sent", await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellation), "/admin/outbox"),
        ];
    }
}
