using System.Diagnostics;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Exports;

namespace Cohort.Benchmarks.Exports;

/// <summary>
/// Times each export kind as the admin page, the CLI and the API run it: through <see cref="Exporter"/>, written as JSON
/// to a file, <see cref="Repeats"/> times, and prints each kind's rows, size and times. Shared by the selection's and the
/// programme's export benches so both measure the same way.
/// </summary>
internal static class ExportTimings
{
    public const int Repeats = 3;

    public static async Task PrintAsync(RushDatabase database, IEnumerable<(string Kind, ExportView View)> kinds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cohort-export-bench-{Guid.NewGuid():N}.json");
        try
        {
            foreach (var (kind, view) in kinds)
            {
                var times = new List<double>();
                var rows = 0;
                for (var run = 0; run < Repeats; run++)
                {
                    var clock = Stopwatch.StartNew();
                    rows = await database.RunAsync<Exporter, int>(async exporter =>
                    {
                        var table = (await exporter.RunAsync(Actor.System, kind, null, view, CancellationToken.None)).Table!;
                        await using var output = File.Create(file);
                        await ExportJson.WriteAsync(table, output, CancellationToken.None);
                        return table.Rows.Count;
                    });
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"{kind} ({ExportWords.Name(view)}), JSON: {rows} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB: {string.Join(", ", times.Select(ms => $"{ms:0} ms"))}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
