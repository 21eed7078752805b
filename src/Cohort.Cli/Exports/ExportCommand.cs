using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Audit;
using Cohort.Core.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Exports;

/// <summary>
/// `cohort export KIND [--season SLUG] [--format csv|json] [--view identified|blind] [-o FILE]`: any export the admin
/// page offers, through the same <see cref="Exporter"/>. The kinds are the registered ones, so KIND is checked when the
/// command runs, against that list; named subcommands of `export` (`export catalogue`) come first.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Gives the `export` root its KIND argument and options, and the action that runs them.</summary>
    public static Command AddKinds(this Command export)
    {
        var kind = new Argument<string>("KIND") { Description = "What to export: applications, attempts, stream-applications, … (`cohort export --help` after a typo lists them)" };
        var season = new Option<string?>("--season") { Description = "The season's slug (default: the current season)" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        var view = new Option<string>("--view") { Description = "identified (names and every answer) or blind (the season's blind settings applied)", DefaultValueFactory = _ => "identified" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        export.Arguments.Add(kind);
        export.Options.Add(season);
        export.Options.Add(format);
        export.Options.Add(view);
        export.Options.Add(output);
        export.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var (chosenFormat, formatProblem) = ExportWords.Format(parse.GetValue(format));
            var (chosenView, viewProblem) = ExportWords.View(parse.GetValue(view));
            if ((formatProblem ?? viewProblem) is { } problem)
            {
                await Console.Error.WriteLineAsync($"cohort export: {problem}");
                return 2;
            }

            var outcome = await services.GetRequiredService<Exporter>().RunAsync(Actor.CommandLine, parse.GetValue(kind)!, parse.GetValue(season), chosenView, cancellation);
            if (outcome.Table is not { } table)
            {
                await Console.Error.WriteLineAsync($"cohort export: {outcome.Refusal}");
                return 2;
            }

            if (parse.GetValue(output) is { } file)
            {
                await using var stream = file.Create();
                await ExportFile.WriteAsync(table, chosenFormat, stream, cancellation);
            }
            else
            {
                await using var stream = Console.OpenStandardOutput();
                await ExportFile.WriteAsync(table, chosenFormat, stream, cancellation);
            }

            return 0;
        }));
        return export;
    }
}
