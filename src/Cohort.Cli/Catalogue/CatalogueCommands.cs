using System.CommandLine;
using Cohort.Cli.Archive;
using Cohort.Cli.Exports;
using Cohort.Cli.Hosting;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Catalogue;

/// <summary>`cohort export catalogue` and `cohort import catalogue`.</summary>
internal static class CatalogueCommands
{
    public static IEnumerable<Command> Create()
    {
        var format = new Option<string>("--format") { Description = "json (the whole catalogue) or csv (the streams table)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var export = new Command("catalogue", "Export the current season's catalogue") { format, output };
        export.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var document = await services.GetRequiredService<ExportCatalogue>().CurrentSeasonAsync(cancellation);
            if (document is null)
            {
                await Console.Error.WriteLineAsync("cohort: there is no season to export.");
                return 1;
            }

            var text = parse.GetValue(format) == "csv" ? CatalogueCsv.WriteStreams(document.Streams) : CatalogueJson.Write(document);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, cancellation);
            }
            else
            {
                Console.Write(text);
            }

            return 0;
        }));

        var path = new Argument<FileInfo>("FILE") { Description = "A .json catalogue or a .csv streams table" };
        var import = new Command("catalogue", "Import a catalogue; with any error nothing changes and every error is listed") { path };
        import.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(path)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"cohort: no file at {file.FullName}");
                return 2;
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var text = await File.ReadAllTextAsync(file.FullName, cancellation);
            var importer = services.GetRequiredService<ImportCatalogue>();
            var outcome = file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? await importer.FromCsvAsync(text, Actor.CommandLine, cancellation)
                : await importer.FromJsonAsync(text, Actor.CommandLine, cancellation);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"cohort: {file.Name} has {outcome.Problems.Count} problem(s); nothing was imported:");
                foreach (var problem in outcome.Problems)
                {
                    await Console.Error.WriteLineAsync($"  {problem}");
                }

                return 2;
            }

            Console.WriteLine($"Imported {outcome.Summary}.");
            return 0;
        }));

        yield return new Command("export", "Export data: a KIND (applications, reviews, …) as CSV or JSON, the catalogue, or a season's archive") { export, SeasonArchiveCommands.Export() }.AddKinds();
        var importRoot = new Command("import", "Import data") { import, SeasonArchiveCommands.Import() };
        foreach (var people in Imports.ImportCommands.Create())
        {
            importRoot.Subcommands.Add(people);
        }

        yield return importRoot;
    }
}
