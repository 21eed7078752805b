using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// One instance of a published Cohort, started as systemd starts deploy/cohort@.service for a port: its
/// ExecStart, WorkingDirectory, Environment= and EnvironmentFile=, nothing inherited from the test. Server paths
/// (/opt/cohort, /etc/cohort, /var/lib/cohort) are mapped to the test's folders; stopped by its process id.
/// </summary>
public sealed class CohortInstance : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CohortInstance(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the instance wrote to its console, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<CohortInstance> StartAsync(int port, IReadOnlyDictionary<string, string> serverPaths)
    {
        string Local(string value) => serverPaths.Aggregate(value, (text, path) => text.Replace(path.Key, path.Value, StringComparison.Ordinal));
        var unit = DeployFiles.ServiceDirectives(DeployFiles.Read(DeployFiles.Unit), port.ToString(CultureInfo.InvariantCulture));

        // systemd's order: Environment= first, then EnvironmentFile=, whose settings win. The file is already this server's.
        var environment = unit["Environment"].Select(DeployFiles.Assignment).Select(v => new KeyValuePair<string, string>(v.Key, Local(v.Value)))
            .Concat(unit["EnvironmentFile"].SelectMany(file => DeployFiles.Variables(File.ReadAllText(Local(file)))))
            .GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var command = Local(unit["ExecStart"].Single()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var workingDirectory = Local(unit["WorkingDirectory"].Single());
        Directory.CreateDirectory(workingDirectory);

        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        Processes.Isolate(start, environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var instance = new CohortInstance(process, port);
        process.OutputDataReceived += (_, line) => instance.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => instance.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await instance.WaitUntilReadyAsync();
        return instance;
    }

    /// <summary>
    /// A client of this instance alone, bypassing nginx but sending what nginx sends (the public host, https as the
    /// scheme; believed because the test connects from loopback, a known proxy), so a test can pin requests to it.
    /// </summary>
    public HttpClient DirectClient(string publicHost)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Port}/"),
        };
        client.DefaultRequestHeaders.Host = publicHost;
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The instance on port {Port} exited ({process.ExitCode}): {Output}");
            }

            try
            {
                using var ready = await probe.GetAsync("healthz/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting: on a loaded machine the first answer can take longer than the probe waits.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The instance on port {Port} was never ready: {Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
