using Cohort.Core.Data;

namespace Cohort.Core.Mail;

/// <summary>Queues mail in the caller's unit of work; <see cref="OutboxDispatcher"/> sends it after commit.</summary>
public class Outbox(CohortDbContext db, TimeProvider clock)
{
    /// <param name="sensitive">True when the body carries a secret link; see <see cref="OutboxMessage.Sensitive"/>.</param>
    public void Enqueue(string to, string subject, string body, bool sensitive = false) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            Sensitive = sensitive,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}
