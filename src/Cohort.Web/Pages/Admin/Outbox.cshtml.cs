using Cohort.Core.Mail;

namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The mail outbox, newest first, and one message's body (?id=). Without SMTP configured, as in development,
/// mail stays here, so this is where an admin reads what the app would have sent, except a sensitive message's body
/// (a live reset, confirmation or invitation link), which would let an admin act as its recipient. In Development
/// alone it is shown: there the outbox is the only mailbox, the person running the app reads all of it, and without
/// it nobody could confirm a sign-up on the demo. A message the dispatcher gave up on shows its reason, and an admin
/// may retry it (pending again, due now) or cancel it (never sent).
/// </summary>
public class OutboxModel(CohortDbContext db, AuditLog audit, IHostEnvironment environment, TimeProvider clock) : AuditedPage(db, audit)
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
            Message = await Db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellation);
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

        Messages = await Db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown).ToListAsync(cancellation);
        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellation) =>
        ActOnFailedAsync(id, "outbox.retried", "queued again", m => m.Retry(), cancellation);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellation) =>
        ActOnFailedAsync(id, "outbox.cancelled", "cancelled; it will not be sent", m => m.Cancel(clock.GetUtcNow().UtcDateTime), cancellation);

    // Only a failed message can be acted on: the dispatcher never claims one, so the admin's change cannot race a send.
    private async Task<IActionResult> ActOnFailedAsync(long id, string action, string outcome, Action<OutboxMessage> change, CancellationToken cancellation)
    {
        var message = await Db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellation);
        if (message is null)
        {
            return NotFound();
        }

        if (!message.AwaitsAdmin)
        {
            return RedirectWithNotice($"“{Text.Shorten(message.Subject)}” to {message.To} is not failed mail awaiting a decision (sent, cancelled or still pending), so it was left as it is.", "/Admin/Outbox");
        }

        change(message);
        if (!await SaveAsync(action, $"outbox:{message.Id}", $"{message.Subject} to {message.To}", cancellation))
        {
            return RedirectWithNotice(ConcurrencyProblem, "/Admin/Outbox");
        }

        return RedirectWithNotice($"“{Text.Shorten(message.Subject)}” to {message.To} was {outcome}.", "/Admin/Outbox");
    }
}
