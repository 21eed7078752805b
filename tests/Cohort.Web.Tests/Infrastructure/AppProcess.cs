using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>
/// The built app in a process of its own, started as an operator starts it: settings in environment variables, a
/// SQLite database of its own, an address chosen by the system and read from its log. Its console output is kept.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly string database;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, string database)
    {
        this.process = process;
        this.database = database;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                output.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
    }

    /// <summary>Where the app listens, as it logged it.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The lines written to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>
    /// The command that starts the built app in <paramref name="environment"/> over the SQLite file <paramref name="database"/>,
    /// with the settings a start needs, then <paramref name="settings"/> ("Key=value", "Section:Key=value").
    /// </summary>
    public static ProcessStartInfo Command(string environment, string database, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Cohort.Web.dll") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Cohort__PublicBaseUrl"] = "https://apply.example.org";
        start.Environment["ConnectionStrings__Cohort"] = $"Data Source={database}";
        foreach (var setting in settings)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>A new SQLite database file for one process, in the temporary folder.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"cohort-process-{Guid.NewGuid():N}.db");

    /// <summary>Starts the app and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(string environment, params string[] settings)
    {
        var database = NewDatabasePath();
        var app = new AppProcess(Process.Start(Command(environment, database, settings))!, database);
        var listening = await app.WaitForLineAsync(line => ListeningOn().IsMatch(line));
        app.Address = new Uri(ListeningOn().Match(listening).Groups["address"].Value);
        return app;
    }

    /// <summary>The first line of output that <paramref name="matches"/>, waiting for it while the app runs.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (output.FirstOrDefault(matches) is { } line)
            {
                return line;
            }

            if (process.HasExited || patience.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"The app {(process.HasExited ? $"exited with {process.ExitCode}" : "kept running")} without writing the line awaited. Its error output: {await ReadErrorsAsync()}\nIts output:\n{string.Join('\n', output)}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<string> ReadErrorsAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        return await process.StandardError.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        foreach (var file in new[] { database, $"{database}-wal", $"{database}-shm" })
        {
            File.Delete(file);
        }
    }

    // The host's own line, in the plain console format and inside the JSON one alike.
    [GeneratedRegex(@"Now listening on: (?<address>http://[^\s""]+)")]
    private static partial Regex ListeningOn();
}
