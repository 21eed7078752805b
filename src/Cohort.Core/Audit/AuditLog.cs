using Cohort.Core.Data;

namespace Cohort.Core.Audit;

/// <summary>
/// Adds audit entries to the same unit of work as the change they describe, so a change and its record
/// are saved together or not at all.
/// </summary>
public class AuditLog(CohortDbContext db, TimeProvider clock)
{
    public void Record(Actor actor, string action, string subject, string details = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            Actor = actor.Name,
            Action = action,
            Subject = subject,
            Details = details,
        });
}

/// <summary>Who is acting: a signed-in account, or the system itself (seeding, the command line).</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor System { get; } = new(null, "system");
    public static Actor CommandLine { get; } = new(null, "command line");
}
