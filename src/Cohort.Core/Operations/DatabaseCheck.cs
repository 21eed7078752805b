using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Operations;

/// <summary>The database answers, and its schema is exactly this build's: nothing pending, nothing unknown.</summary>
internal static class DatabaseCheck
{
    public static async Task<Finding> RunAsync(CohortDbContext db, DatabaseProvider provider, DatabaseMigrator migrator, CancellationToken cancellation)
    {
        var where = ConfiguredDatabase.Describe(db, provider);
        // Opening a SQLite file that is not there would create it; a check-up changes nothing.
        if (provider == DatabaseProvider.Sqlite && !File.Exists(ConfiguredDatabase.SqlitePath(db)))
        {
            return new Finding(Verdict.Problem, "database", $"{where} does not exist.",
                "run `cohort db migrate` to create it, or point ConnectionStrings__Cohort at the existing file.");
        }

        SchemaState schema;
        try
        {
            await db.Database.OpenConnectionAsync(cancellation);
            schema = await migrator.StateAsync(cancellation);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return new Finding(Verdict.Problem, "database", $"{where} does not exist on its server.",
                "run `cohort db migrate` to create it, or correct the database name in ConnectionStrings__Cohort.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // Npgsql's and SQLite's messages name the host or the file and the reason, never the password.
            return new Finding(Verdict.Problem, "database", $"cannot reach {where}: {e.GetBaseException().Message}",
                provider == DatabaseProvider.Postgres
                    ? "check that PostgreSQL runs and accepts this machine, and the host, port, database, user and password in ConnectionStrings__Cohort."
                    : "check that the file is readable and writable by this user, and ConnectionStrings__Cohort.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (schema.Unknown.Count > 0)
        {
            return new Finding(Verdict.Problem, "database", $"{where}: {new UnknownSchemaHistoryException(schema.Unknown).Message}",
                "restore a backup made by this version, or create the database afresh.");
        }

        return schema.Pending.Count > 0
            ? new Finding(Verdict.Problem, "database",
                $"{where} answers but lacks {schema.Pending.Count} migration(s) of this version: {string.Join(", ", schema.Pending)}.",
                "run `cohort db migrate` (before starting the new version).")
            : new Finding(Verdict.Ok, "database", $"{where} answers; its {schema.Applied.Count} migration(s) are this version's, none pending.");
    }
}
