using Cohort.Core.Data;

namespace Cohort.Core.Operations;

/// <summary>The two kinds of backup file Cohort makes, told apart by their first bytes, never by their names.</summary>
public enum BackupKind
{
    /// <summary>A SQLite database file (made with SQLite's online backup API).</summary>
    Sqlite,

    /// <summary>A pg_dump archive in custom format.</summary>
    PgDump,
}

public static class BackupFile
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    /// <summary>The kind of <paramref name="path"/> by its header, or null when it is neither.</summary>
    public static BackupKind? Detect(string path)
    {
        var header = new byte[SqliteMagic.Length];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var start = header.AsSpan(0, read);
        if (start.StartsWith(SqliteMagic))
        {
            return BackupKind.Sqlite;
        }

        return start.StartsWith(PgDumpMagic) ? BackupKind.PgDump : null;
    }

    /// <summary>The kind of backup a database of this provider makes and restores.</summary>
    public static BackupKind For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? BackupKind.PgDump : BackupKind.Sqlite;

    public static string Describe(BackupKind kind) => kind == BackupKind.PgDump ? "a pg_dump archive (PostgreSQL)" : "a SQLite database";

    /// <summary>
    /// Why a backup cannot be written to <paramref name="path"/>, or null when it can. An existing file is replaced
    /// only with <paramref name="force"/>, and even then only once the new copy is complete and checked.
    /// </summary>
    public static string? TargetProblem(string path, bool force)
    {
        if (Directory.Exists(path))
        {
            return $"{path} is a folder; name the backup file to write, e.g. {Path.Combine(path, "cohort.backup")}.";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            return $"The folder {folder} does not exist; create it first.";
        }

        return File.Exists(path) && !force ? $"{path} already exists; add --force to replace it (the old file stays until the new copy is complete)." : null;
    }

    /// <summary>
    /// A file beside <paramref name="path"/> to write the backup into before renaming it into place, so a failed or
    /// interrupted backup never leaves a half file under the name an operator asked for.
    /// </summary>
    public static string PartialBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");

    /// <summary>Deletes a partial file and what SQLite may have left beside it; nothing if it is gone already.</summary>
    public static void DeletePartial(string partial)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(partial + suffix);
        }
    }
}
