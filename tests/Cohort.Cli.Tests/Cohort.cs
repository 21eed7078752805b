using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cohort.Cli.Tests;

/// <summary>What one run of `cohort` did.</summary>
public sealed record CohortRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public HashSet<(string, string)> Pairs(string list, string left, string right) =>
        Json.GetProperty(list).EnumerateArray().Select(p => (p.GetProperty(left).GetString()!, p.GetProperty(right).GetString()!)).ToHashSet();
}

/// <summary>Runs the `cohort` executable built next to the tests on an instance file.</summary>
public static class Cohort
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "cohort.dll");

    public static CohortRun Run(string instanceJson, params string[] command) => RunOn(Encoding.UTF8.GetBytes(instanceJson), ".json", command);

    /// <summary>Runs the command on a file that holds exactly <paramref name="file"/>, named with <paramref name="extension"/>.</summary>
    public static CohortRun RunOn(byte[] file, string extension, params string[] command)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cohort-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, file);
        try
        {
            return RunRaw([.. command, path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static CohortRun Run(object instance, params string[] command) => Run(JsonSerializer.Serialize(instance), command);

    /// <param name="environment">Variables to set for the run; a null value removes one the test process has.</param>
    /// <param name="standardInput">What the run reads on standard input, or null for none.</param>
    public static CohortRun RunRaw(string[] arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = standardInput is not null,
        };
        // Each run is a few seconds of mostly start-up, which dynamic PGO only slows down by instrumenting the methods
        // it may never re-JIT: without it a database command took 14% less CPU (docs/performance.md, "Test suite").
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        // A guard against a hung process, not a time limit: seeding the demo beside the backup tests' writers on a
        // loaded machine has taken over a minute.
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cohort did not finish within four minutes");
        }

        return new CohortRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
