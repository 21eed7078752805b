using System.CommandLine;
using Cohort.Cli.Archive;
using Cohort.Cli.Catalogue;
using Cohort.Cli.Exports;
using Cohort.Cli.Imports;

namespace Cohort.Cli.Transfer;

/// <summary>
/// The `export` and `import` roots. Each feature that moves data in or out brings its own subcommands (the catalogue,
/// a season's archive, the export kinds, people); this file only gathers them under one verb each.
/// </summary>
internal static class TransferCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return new Command("export", "Export data: a KIND (applications, reviews, …) as CSV or JSON, the catalogue, or a season's archive")
        {
            CatalogueCommands.Export(),
            SeasonArchiveCommands.Export(),
        }.AddKinds();

        var import = new Command("import", "Import data: people from CSV, a catalogue, or a season's archive")
        {
            CatalogueCommands.Import(),
            SeasonArchiveCommands.Import(),
        };
        foreach (var people in ImportCommands.Create())
        {
            import.Subcommands.Add(people);
        }

        yield return import;
    }
}
