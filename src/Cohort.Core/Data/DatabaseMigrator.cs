using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

public sealed class DatabaseMigrator(CohortDbContext db)
{
    /// <summary>Applies pending migrations of the configured provider; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellation = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        await db.Database.MigrateAsync(cancellation);
        return pending;
    }
}
