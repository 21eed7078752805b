using Cohort.Core.Mail;

namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The mail outbox, newest first, and one message's body (?id=). Without SMTP configured, as in development,
/// mail stays here, so this is where an admin reads what the app would have sent, except a sensitive message's body
/// (a live reset, confirmation or invitation link), which would let an admin act as its recipient. In Development
/// alone it is shown: there the outbox is the only mailbox, the person running the app reads all of it, and without
/// it nobody could confirm a sign-up on the demo.
/// </summary>
public class OutboxModel(CohortDbContext db, IHostEnvironment environment) : PageModel
{
    public const int Shown = 200;

    public List<OutboxMessage> Messages { get; private set; } = [];

    public OutboxMessage? Message { get; private set; }

    /// <summary>Whether sensitive bodies are shown: in Development only.</summary>
    public bool ShowsSensitive => environment.IsDevelopment();

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellation)
    {
        if (id is not null)
        {
            Message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellation);
            if (Message is null)
            {
                return NotFound();
            }

            // Dropped before the view runs, so no change to the view can leak it.
            if (Message.Sensitive && !ShowsSensitive)
            {
                Message.Body = "";
            }
        }

        Messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown).ToListAsync(cancellation);
        return Page();
    }
}
