using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Reminders;

/// <summary>The part every reminder job shares: who it goes to, what was already sent, and queuing one with its record.</summary>
public sealed class Reminder(CohortDbContext db, Outbox outbox, TimeProvider clock)
{
    public sealed record Recipient(string Email, string Name, string? TimeZoneId);

    /// <summary>The subjects of <paramref name="kind"/> already reminded on <paramref name="occasion"/>, among <paramref name="subjects"/>.</summary>
    public async Task<HashSet<(string Subject, string Occasion)>> SentAsync(ReminderKind kind, IReadOnlyCollection<string> subjects, CancellationToken cancellation) =>
        (await db.SentReminders.AsNoTracking().Where(r => r.Kind == kind && subjects.Contains(r.Subject))
            .Select(r => new { r.Subject, r.Occasion }).ToListAsync(cancellation))
        .Select(r => (r.Subject, r.Occasion)).ToHashSet();

    /// <summary>The people with these user ids who have an address, by id.</summary>
    public async Task<Dictionary<string, Recipient>> RecipientsAsync(IEnumerable<string> userIds, CancellationToken cancellation)
    {
        var ids = userIds.Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZoneId }).ToListAsync(cancellation))
            .ToDictionary(u => u.Id, u => new Recipient(u.Email!, u.DisplayName, u.TimeZoneId));
    }

    /// <summary>
    /// Queues the mail and its record in one save; false when another run saved the same reminder first (the unique
    /// record refuses the second), in which case nothing was queued here.
    /// </summary>
    public Task<bool> QueueAsync(ReminderKind kind, string subject, string occasion, Recipient to, string title, string body, CancellationToken cancellation)
    {
        db.SentReminders.Add(new SentReminder { Kind = kind, Subject = subject, Occasion = occasion, SentAt = clock.GetUtcNow().UtcDateTime });
        outbox.Enqueue(to.Email, title, body);
        return db.TrySaveAsync(cancellation);
    }
}
