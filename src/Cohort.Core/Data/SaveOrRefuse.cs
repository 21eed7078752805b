using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

/// <summary>
/// The one way a change that can lose a race is saved: a version check or a unique index refuses the second of two
/// concurrent saves, and the loser saves nothing and says so (or reads what the winner left) instead of failing.
/// </summary>
public static class SaveOrRefuse
{
    /// <summary>
    /// How many times one person's save that lost a race with their own other save (an autosave beside a click, two
    /// windows) is applied again to what the winner stored. The posted answers are the newest that window has, so
    /// applying them again keeps what was typed instead of asking to save again; each lost race is another save that
    /// succeeded, so a few windows' worth of tries is enough.
    /// </summary>
    public const int TriesAfterLostRace = 10;

    /// <summary>
    /// Saves the unit of work, or, when another person's save got there first (a version check or a unique index
    /// refused this one), saves nothing and returns <paramref name="race"/> for the page to show instead of an error.
    /// </summary>
    public static async Task<string?> SaveOrRefuseAsync(this CohortDbContext db, string race, CancellationToken cancellation) =>
        await db.TrySaveAsync(cancellation) ? null : race;

    /// <summary>
    /// Saves the unit of work and answers true, or answers false when another save got there first. Then nothing was
    /// saved and the change tracker is empty, so what the caller reads next is what the winner left.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this CohortDbContext db, CancellationToken cancellation)
    {
        try
        {
            await db.SaveChangesAsync(cancellation);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
