using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

public sealed class DatabaseMigrator(CohortDbContext db)
{
    /// <summary>Applies pending migrations of the configured provider; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellation = default)
    {
        var state = await StateAsync(cancellation);
        RefuseUnknownHistory(state);
        // With nothing pending, EF Core's Migrate would still build the design-time model and compare it with the last
        // migration's snapshot (its pending-model-changes check), about a second of CPU at every start of the app and of
        // each CLI command (docs/performance.md, "Test suite"). HostingTests checks the model against the snapshot instead.
        if (state.Pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellation);
        }

        return state.Pending;
    }

    /// <summary>
    /// How the database's schema history compares with this build's migrations. The database must be reachable;
    /// one without a history (empty, or not yet created by Cohort) has every migration pending.
    /// </summary>
    public async Task<SchemaState> StateAsync(CancellationToken cancellation = default)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellation)).ToList();
        return new SchemaState(
            applied,
            known.Except(applied).ToList(),
            applied.Except(known).ToList());
    }

    /// <summary>
    /// Before the first release the migrations were squashed into one (docs/decisions/data.md). A database made by an
    /// earlier build has migrations in its history that this build does not know, and migrating it would fail halfway
    /// on tables that already exist; saying so plainly, before anything runs, tells its owner what to do.
    /// </summary>
    private static void RefuseUnknownHistory(SchemaState state)
    {
        if (state.Unknown.Count > 0)
            throw new UnknownSchemaHistoryException(state.Unknown);
    }
}

/// <summary>The database's applied migrations, this build's migrations it lacks, and applied ones this build does not know.</summary>
public sealed record SchemaState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;
}

public sealed class UnknownSchemaHistoryException(IReadOnlyList<string> unknown) : InvalidOperationException(
    $"This database was made by a pre-release build of Cohort (it has applied {string.Join(", ", unknown.Take(3))}" +
    $"{(unknown.Count > 3 ? ", ..." : "")}), whose migrations were squashed into one. Move the database file aside " +
    "or drop the database, and start Cohort again to create it afresh.");
