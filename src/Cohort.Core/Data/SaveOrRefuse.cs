using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

public static class SaveOrRefuse
{
    /// <summary>
    /// Saves the unit of work, or, when another person's save got there first (a version check or a unique index
    /// refused this one), saves nothing and returns <paramref name="race"/> for the page to show instead of an error.
    /// </summary>
    public static async Task<string?> SaveOrRefuseAsync(this CohortDbContext db, string race, CancellationToken cancellation)
    {
        try
        {
            await db.SaveChangesAsync(cancellation);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return race;
        }
    }
}
