using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Cohort.Core.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Imports;

/// <summary>
/// `cohort import applicants FILE` and `cohort import reviewers FILE`, under the `import` root. Bad arguments exit 2
/// with one line; a file with problems exits 2 with a line saying nothing was imported, then one line per problem
/// (each names its line and column), as `cohort import catalogue` does.
/// </summary>
internal static class ImportCommands
{
    public static IEnumerable<Command> Create() => [Applicants(), Reviewers()];

    private static Command Applicants()
    {
        var path = new Argument<FileInfo>("FILE") { Description = "A CSV export of a Google Form's responses or an Airtable table" };
        var map = new Option<string[]>("--map")
        {
            Description = $"\"Header=target\", repeated; target is {ImportTarget.Choices}. Columns not given are guessed from their headers",
            AllowMultipleArgumentsPerToken = false,
        };
        var mappingFile = new Option<FileInfo?>("--mapping") { Description = "A file of \"Header=target\" lines (# starts a comment), read before --map" };
        var dateOrder = new Option<string>("--date-order") { Description = "How the file writes dates with slashes", DefaultValueFactory = _ => "month-first" };
        dateOrder.AcceptOnlyFromAmong("month-first", "day-first");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change, writing nothing" };
        var command = new Command("applicants", "Import applicants and their submitted general applications; with any problem nothing is written")
        {
            path, map, mappingFile, dateOrder, dryRun,
        };
        command.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(path)!;
            if (!file.Exists)
            {
                return await RefuseAsync($"no file at {file.FullName}");
            }

            var lines = new List<string>();
            if (parse.GetValue(mappingFile) is { } mapping)
            {
                if (!mapping.Exists)
                {
                    return await RefuseAsync($"no mapping file at {mapping.FullName}");
                }

                lines.AddRange((await File.ReadAllLinesAsync(mapping.FullName, cancellation)).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')));
            }

            lines.AddRange(parse.GetValue(map) ?? []);
            var (targets, problem) = ParseMapping(lines);
            if (problem is not null)
            {
                return await RefuseAsync(problem);
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var order = parse.GetValue(dateOrder) == "day-first" ? DateOrder.DayFirst : DateOrder.MonthFirst;
            var request = new ApplicantImportRequest(await File.ReadAllTextAsync(file.FullName, cancellation), targets, parse.GetValue(dryRun), order);
            var report = await services.GetRequiredService<ImportApplicants>().RunAsync(request, Actor.CommandLine, cancellation);
            if (!report.Succeeded)
            {
                return await ProblemsAsync(file, report.Problems);
            }

            Console.WriteLine(report.DryRun ? $"Dry run of {file.Name}, nothing written: it would give {report.Summary}." : $"Imported {file.Name}: {report.Summary}.");
            foreach (var column in report.Columns)
            {
                Console.WriteLine($"  column \"{column.Header}\" -> {column.Target}{(column.Guessed ? " (guessed from the header)" : "")}");
            }

            foreach (var note in report.Notes)
            {
                Console.WriteLine($"  note: {note}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Reviewers()
    {
        var path = new Argument<FileInfo>("FILE") { Description = $"A CSV with the columns {string.Join(",", ImportReviewers.Columns)} (only email is required)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change, writing nothing" };
        var command = new Command("reviewers", "Import the current season's reviewer pool and declared conflicts; with any problem nothing is written") { path, dryRun };
        command.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(path)!;
            if (!file.Exists)
            {
                return await RefuseAsync($"no file at {file.FullName}");
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var report = await services.GetRequiredService<ImportReviewers>()
                .RunAsync(await File.ReadAllTextAsync(file.FullName, cancellation), parse.GetValue(dryRun), Actor.CommandLine, cancellation);
            if (!report.Succeeded)
            {
                return await ProblemsAsync(file, report.Problems);
            }

            Console.WriteLine(report.DryRun ? $"Dry run of {file.Name}, nothing written: it would give {report.Summary}." : $"Imported {file.Name}: {report.Summary}.");
            return 0;
        }));
        return command;
    }

    /// <summary>"Header=target" lines as a mapping; the last '=' splits them, since a header may hold one and a target never does.</summary>
    internal static (Dictionary<string, string> Mapping, string? Problem) ParseMapping(IEnumerable<string> lines)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var split = line.LastIndexOf('=');
            var header = split > 0 ? line[..split].Trim() : "";
            var target = split > 0 ? line[(split + 1)..].Trim() : "";
            if (header.Length == 0 || ImportTarget.Parse(target) is null)
            {
                return ([], $"--map \"{line}\" is not \"Header=target\" with target {ImportTarget.Choices}.");
            }

            if (!mapping.TryAdd(header, target))
            {
                return ([], $"--map names the column \"{header}\" twice.");
            }
        }

        return (mapping, null);
    }

    private static async Task<int> ProblemsAsync(FileInfo file, IReadOnlyList<ImportProblem> problems)
    {
        await Console.Error.WriteLineAsync($"cohort import: {file.Name} has {problems.Count} problem(s); nothing was imported:");
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"  {problem}");
        }

        return 2;
    }

    private static async Task<int> RefuseAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"cohort import: {problem}");
        return 2;
    }
}
