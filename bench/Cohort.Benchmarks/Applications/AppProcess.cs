using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cohort.Benchmarks.Applications;

/// <summary>
/// The built web app (Cohort.Web.dll) running as its own process on Kestrel, in Production, on a given database, as an
/// operator runs it behind nginx: this machine is its trusted proxy, so a client's X-Forwarded-For names the visitor.
/// Stopped when disposed.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string workDirectory;

    private AppProcess(Process process, string workDirectory, Uri address)
    {
        this.process = process;
        this.workDirectory = workDirectory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(string appDll, RushDatabase database)
    {
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException($"{appDll} does not exist: build it first (dotnet build src/Cohort.Web -c Release).");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var work = Directory.CreateTempSubdirectory("cohort-surge-app.").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(appDll), "--urls", address.ToString()])
        {
            WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Cohort"] = database.Connection;
        start.Environment["Cohort__PublicBaseUrl"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, work, address);
        // The app's log is kept for the report: a 5xx is explained there.
        process.OutputDataReceived += (_, line) => app.Log(line.Data);
        process.ErrorDataReceived += (_, line) => app.Log(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var tries = 0; tries < 240; tries++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start:\n{string.Join('\n', app.Lines)}");
            }

            try
            {
                if ((await probe.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException("The app did not become ready in two minutes.");
    }

    public List<string> Lines { get; } = [];

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (Lines)
            {
                Lines.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(workDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
