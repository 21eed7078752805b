using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Archive;
using Cohort.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Archive;

/// <summary>`cohort export season` and `cohort import season`, under the `export` and `import` roots.</summary>
internal static class SeasonArchiveCommands
{
    private const int Refused = 2;

    public static Command Export()
    {
        var season = new Option<string?>("--season") { Description = "The season's slug (default: the current season)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The archive file to write", Required = true };
        var export = new Command("season", "Write everything a season holds to one JSON archive (docs/archive.md)") { season, output };
        export.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(output)!;
            var slug = parse.GetValue(season);
            // Written beside the file and renamed when complete, so a failed export never leaves half an archive.
            var partial = file.FullName + ".partial";
            SeasonArchiveSummary? summary;
            await using (var stream = File.Create(partial))
            {
                summary = await services.GetRequiredService<ExportSeason>().WriteAsync(slug, stream, cancellation);
            }

            if (summary is null)
            {
                File.Delete(partial);
                await Console.Error.WriteLineAsync(slug is null ? "cohort export season: there is no season to export." : $"cohort export season: there is no season '{slug}'.");
                return Refused;
            }

            File.Move(partial, file.FullName, overwrite: true);
            Console.WriteLine($"Exported season {summary.Season} to {file.FullName}: {summary.Rows} rows of {summary.Entities} entities, {summary.Accounts} accounts.");
            return 0;
        }));
        return export;
    }

    public static Command Import()
    {
        var path = new Argument<FileInfo>("FILE") { Description = "A season archive written by `cohort export season`" };
        var import = new Command("season", "Restore a season archive into an empty database (accounts come without passwords: each resets theirs)") { path };
        import.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(path)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"cohort import season: no file at {file.FullName}");
                return Refused;
            }

            SeasonImportOutcome outcome;
            await using (var stream = file.OpenRead())
            {
                outcome = await services.GetRequiredService<ImportSeason>().RunAsync(stream, file.Name, Actor.CommandLine, cancellation);
            }

            if (outcome.Refusal is not null)
            {
                await Console.Error.WriteLineAsync($"cohort import season: {outcome.Refusal} Nothing was imported.");
                return Refused;
            }

            Console.WriteLine($"Imported season {outcome.Season}: {outcome.Rows} rows, {outcome.Accounts} accounts. Accounts have no password: each signs in after \"Forgot your password?\".");
            return 0;
        }));
        return import;
    }
}
