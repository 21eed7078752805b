using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Data;

/// <summary>
/// Whether this build can serve requests from its database: the database answers and has every migration this build
/// knows. Any host asks it the same way (the web app's readiness endpoint, an operator's check from the command line),
/// so it lives here and knows nothing about HTTP.
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>What keeps the database from serving this build, for an operator's log; null when it is ready.</summary>
    public static async Task<string?> ProblemAsync(CohortDbContext db, CancellationToken cancellation = default)
    {
        if (!await db.Database.CanConnectAsync(cancellation))
        {
            return "The database cannot be reached, or does not exist.";
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        return pending.Count == 0
            ? null
            : $"The database lacks {pending.Count} migration(s) of this build ({string.Join(", ", pending.Take(3))}{(pending.Count > 3 ? ", ..." : "")}): run `cohort db migrate`.";
    }
}
