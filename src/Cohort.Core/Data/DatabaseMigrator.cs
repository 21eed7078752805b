using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

public sealed class DatabaseMigrator(CohortDbContext db)
{
    /// <summary>Applies pending migrations of the configured provider; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellation = default)
    {
        await RefuseUnknownHistoryAsync(cancellation);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        await db.Database.MigrateAsync(cancellation);
        return pending;
    }

    /// <summary>
    /// Before the first release the migrations were squashed into one (docs/decisions/data.md). A database made by an
    /// earlier build has migrations in its history that this build does not know, and migrating it would fail halfway
    /// on tables that already exist; saying so plainly, before anything runs, tells its owner what to do.
    /// </summary>
    private async Task RefuseUnknownHistoryAsync(CancellationToken cancellation)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellation)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw new UnknownSchemaHistoryException(unknown);
    }
}

public sealed class UnknownSchemaHistoryException(IReadOnlyList<string> unknown) : InvalidOperationException(
    $"This database was made by a pre-release build of Cohort (it has applied {string.Join(", ", unknown.Take(3))}" +
    $"{(unknown.Count > 3 ? ", ..." : "")}), whose migrations were squashed into one. Move the database file aside " +
    "or drop the database, and start Cohort again to create it afresh.");
