using Microsoft.Data.Sqlite;

namespace Cohort.Core.Operations;

/// <summary>Copies between SQLite databases with SQLite's online backup API, and looks inside a copy.</summary>
internal static class SqliteCopies
{
    /// <summary>
    /// Copies <paramref name="source"/> (open) into a new file at <paramref name="path"/>. The backup API copies in one
    /// step under one read transaction, so the copy is the database at one instant; in WAL mode a reader blocks no
    /// writer, so the app goes on saving meanwhile. The copy is left in rollback-journal mode: one self-contained file,
    /// with no -wal beside it to lose.
    /// </summary>
    public static void Copy(SqliteConnection source, string path)
    {
        using var target = Open(path, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
        Execute(target, "PRAGMA journal_mode=DELETE");
    }

    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // Unpooled: a pooled connection would keep the file open after the copy, and a rename or delete would then race it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000");
        return connection;
    }

    /// <summary>SQLite's own verdict on the file: "ok", or its first complaints.</summary>
    public static string IntegrityCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check(5)";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>Each table and its number of rows, largest first.</summary>
    public static IReadOnlyList<TableRows> Tables(SqliteConnection connection) =>
        TableNames(connection)
            .Select(name => new TableRows(name, Scalar(connection, $"SELECT COUNT(*) FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")))
            .OrderByDescending(t => t.Rows).ThenBy(t => t.Table, StringComparer.Ordinal)
            .ToList();

    /// <summary>The names of the database's own tables (not SQLite's).</summary>
    public static IReadOnlyList<string> TableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public static string JournalMode(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A table of a backup and how many rows it holds.</summary>
public sealed record TableRows(string Table, long Rows);
