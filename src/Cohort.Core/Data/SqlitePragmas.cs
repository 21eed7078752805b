using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cohort.Core.Data;

/// <summary>
/// SQLite settings that must hold on every connection. WAL lets readers work while an applicant's
/// submission is written; synchronous=FULL makes a committed submission survive power loss, not just
/// a process crash (WAL's default NORMAL may lose the last commits). busy_timeout makes writers queue
/// instead of failing under a deadline-hour burst.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // Switching to WAL writes the file's header, which a read-only connection cannot do. EF opens one to ask whether
    // the database exists; on a file in rollback-journal mode (a backup copied into place) WAL would fail it, so it is
    // left to the first writable connection.
    private const string ReadOnlyPragmas = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;
}
