using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>
/// Saves a submission staged in the unit of work (state, confirmation mail, audit entry) under the record's
/// version check, for every kind of application. When another request won the race, the answer is what the
/// winner left behind: submitted (the same answer the winner got) or changed in some other way.
/// </summary>
internal static class SubmissionCommit
{
    public static async Task<SubmitOutcome> SaveAsync(
        CohortDbContext db, DateTime now, Func<Task<(ApplicationState State, DateTime? SubmittedAt)>> reloadWinner, CancellationToken cancellation)
    {
        try
        {
            await db.SaveChangesAsync(cancellation);
            return new(true, now, [], null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var (state, submittedAt) = await reloadWinner();
            return state == ApplicationState.Submitted
                ? new(true, submittedAt, [], null)
                : new(false, null, [], "The application changed while it was being submitted; please try again.");
        }
    }
}
