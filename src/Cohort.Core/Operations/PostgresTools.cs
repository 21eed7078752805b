using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cohort.Core.Operations;

/// <summary>One of PostgreSQL's client programs (pg_dump, pg_restore) and its major version.</summary>
internal sealed record PostgresTool(string Name, string Path, int Major, string Version);

/// <summary>
/// Finds and runs PostgreSQL's client programs. The connection goes to them through libpq's environment variables
/// (PGHOST, PGPASSWORD, ...), never their command line, where `ps` would show the password to every user.
/// </summary>
internal static partial class PostgresTools
{
    /// <summary>Debian installs each major version's programs here; /usr/bin/pg_dump is a wrapper that picks one of them.</summary>
    private const string DebianVersions = "/usr/lib/postgresql";

    /// <summary>The newest version of <paramref name="name"/> found in Debian's version folders or on PATH, or null when there is none.</summary>
    public static PostgresTool? Newest(string name)
    {
        var folders = new List<string>();
        if (Directory.Exists(DebianVersions))
        {
            folders.AddRange(Directory.GetDirectories(DebianVersions).Select(v => System.IO.Path.Combine(v, "bin")));
        }

        folders.AddRange((System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        PostgresTool? newest = null;
        foreach (var path in folders.Select(f => System.IO.Path.Combine(f, name)).Where(File.Exists).Distinct(StringComparer.Ordinal))
        {
            if (VersionOf(name, path) is { } tool && (newest is null || tool.Major > newest.Major))
            {
                newest = tool;
            }
        }

        return newest;
    }

    /// <summary>The sentence for a program that is not installed, naming the Debian package that has it.</summary>
    public static string Missing(string name) =>
        $"{name} was not found (looked on PATH and in {DebianVersions}/*/bin): install Debian's postgresql-client package (sudo apt-get install postgresql-client).";

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        PostgresTool tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder? connection, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(tool.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connection is not null)
        {
            // The connection string is the one truth: libpq settings inherited from the caller's shell (PGSERVICE,
            // PGOPTIONS, another PGHOST) would otherwise send the dump or the restore somewhere else.
            foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(inherited);
            }

            foreach (var (variable, value) in Environment(connection))
            {
                start.Environment[variable] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool.Path} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>libpq's environment variables for the connection string's settings.</summary>
    public static IEnumerable<(string Variable, string Value)> Environment(NpgsqlConnectionStringBuilder connection)
    {
        var settings = new (string Variable, string? Value)[]
        {
            ("PGHOST", connection.Host),
            ("PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PGUSER", connection.Username),
            ("PGPASSWORD", connection.Password),
            ("PGPASSFILE", connection.Passfile),
            ("PGDATABASE", connection.Database),
            ("PGSSLMODE", SslMode(connection.SslMode)),
            ("PGSSLROOTCERT", connection.RootCertificate),
            ("PGSSLCERT", connection.SslCertificate),
            ("PGSSLKEY", connection.SslKey),
            ("PGCONNECT_TIMEOUT", connection.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PGAPPNAME", "cohort"),
        };
        return settings.Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => (s.Variable, s.Value!));
    }

    private static string SslMode(SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };

    /// <summary>The first lines of a program's complaint, enough for one message.</summary>
    public static string FirstLines(string errors) =>
        string.Join(" ", errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));

    private static PostgresTool? VersionOf(string name, string path)
    {
        try
        {
            var start = new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var match = VersionPattern().Match(text);
            return match.Success ? new PostgresTool(name, path, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[1].Value) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not executable by this user: as good as absent.
            return null;
        }
    }

    // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)": the major version is the first number.
    [GeneratedRegex(@"\)\s+((\d+)(?:\.\d+)*)")]
    private static partial Regex VersionPattern();
}
