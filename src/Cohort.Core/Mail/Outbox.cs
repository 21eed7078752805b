using Cohort.Core.Data;

namespace Cohort.Core.Mail;

/// <summary>Queues mail in the caller's unit of work; <see cref="OutboxDispatcher"/> sends it after commit.</summary>
public class Outbox(CohortDbContext db, TimeProvider clock)
{
    public void Enqueue(string to, string subject, string body) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}
