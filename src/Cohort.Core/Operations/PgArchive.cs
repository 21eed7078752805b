namespace Cohort.Core.Operations;

/// <summary>What pg_restore --list reads in a custom-format archive: proof that the archive is whole, and what it holds.</summary>
internal sealed record PgArchive(IReadOnlyList<string> TablesWithData, bool HasSchemaHistory)
{
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>Reads the archive's table of contents; a truncated or damaged archive fails here.</summary>
    public static async Task<PgArchive> ListAsync(string path, CancellationToken cancellation)
    {
        var pgRestore = PostgresTools.Newest("pg_restore") ?? throw new InvalidOperationException(PostgresTools.Missing("pg_restore"));
        var (code, output, errors) = await PostgresTools.RunAsync(pgRestore, ["--list", path], connection: null, cancellation);
        if (code != 0)
        {
            throw new InvalidOperationException($"{pgRestore.Path} (version {pgRestore.Version}) cannot read {path}: {PostgresTools.FirstLines(errors)}{NewerHint(errors)}");
        }

        // Entries read "3401; 0 16390 TABLE DATA public Applications postgres"; comments start with ';'.
        var entries = output.Split('\n').Where(line => !line.StartsWith(';') && line.Length > 0).ToList();
        var tables = entries
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= 7 && words[3] == "TABLE" && words[4] == "DATA")
            .Select(words => words[6])
            .ToList();
        var history = entries.Any(line => line.Contains($" TABLE public {HistoryTable} ", StringComparison.Ordinal));
        return new PgArchive(tables, history);
    }

    /// <summary>pg_restore cannot read an archive from a newer pg_dump; the cure is a newer client.</summary>
    public static string NewerHint(string errors) =>
        errors.Contains("unsupported version", StringComparison.OrdinalIgnoreCase)
            ? " (the archive was made by a newer pg_dump: install a newer postgresql-client)"
            : "";
}
