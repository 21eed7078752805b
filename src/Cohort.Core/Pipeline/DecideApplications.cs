using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>An admin's decision on applications that are waiting for one.</summary>
public enum Decision
{
    Advance,
    Waitlist,
    Reject,
}

/// <param name="Decided">Applications whose state changed.</param>
/// <param name="Skipped">Ids that were not decided: unknown, still drafts, withdrawn, or already in the target state.</param>
/// <param name="Refusal">Why nothing at all was saved, or null.</param>
public sealed record DecisionOutcome(int Decided, int Skipped, string? Refusal);

/// <summary>
/// Advances, waitlists or rejects a selection of applications in one save, with one audit entry per application
/// naming the state it left and the state it entered. Only submitted or waitlisted applications can be decided:
/// a draft is not finished, a withdrawal is the applicant's own choice, and ids that are neither are counted, not
/// trusted, so a tampered form changes nothing it should not.
/// </summary>
public sealed class DecideApplications(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxSelection = 5000;

    public async Task<DecisionOutcome> RunAsync(Actor actor, IReadOnlyCollection<int> applicationIds, Decision decision, CancellationToken cancellation = default)
    {
        var ids = applicationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new(0, 0, "Select at least one application.");
        }

        if (ids.Count > MaxSelection)
        {
            return new(0, ids.Count, $"Select at most {MaxSelection} applications at a time.");
        }

        var target = TargetState(decision);
        var now = clock.GetUtcNow().UtcDateTime;
        var decidable = await db.Applications
            .Where(a => ids.Contains(a.Id) && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Waitlisted) && a.State != target)
            .ToListAsync(cancellation);
        foreach (var application in decidable)
        {
            audit.Record(actor, $"application.{target.ToString().ToLowerInvariant()}", $"application:{application.Id}", $"{application.State} → {target}");
            application.State = target;
            application.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellation);
            return new(decidable.Count, ids.Count - decidable.Count, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(0, ids.Count, "Some of these applications changed while you were deciding, so nothing was saved. Reload the list and decide again.");
        }
    }

    public static ApplicationState TargetState(Decision decision) => decision switch
    {
        Decision.Advance => ApplicationState.Advanced,
        Decision.Waitlist => ApplicationState.Waitlisted,
        Decision.Reject => ApplicationState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
