using System.Diagnostics;
using System.Globalization;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>Runs a program to its end, as an operator's shell would, and fails with its error output when it fails.</summary>
public static class Processes
{
    /// <param name="environment">When given, the program's whole environment (PATH and HOME are added), as systemd gives a service.</param>
    /// <returns>What the program wrote to standard output.</returns>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            Isolate(start, environment);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {await errors}{output}");
        }

        return output;
    }

    public static Task<string> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, null);

    /// <summary>Replaces the inherited environment (the test's own settings must not leak in) with <paramref name="environment"/>.</summary>
    public static void Isolate(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        var home = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath();
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["HOME"] = home;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
    }
}
