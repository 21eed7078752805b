using System.CommandLine;
using Cohort.Cli.Matching;
using Cohort.Core.Review;

namespace Cohort.Cli.Review;

/// <summary>
/// <c>cohort calibrate INPUT.csv</c>: any review spreadsheet in, each item's score corrected for reviewer leniency
/// and what the reviews cannot tell out, as JSON (docs/calibration.md). It needs no database, so the native
/// <c>cohort</c> runs it itself.
/// </summary>
internal static class CalibrateCommand
{
    private const string Name = "calibrate";

    /// <summary>What the argument says to read standard input instead of a file.</summary>
    private const string StandardInput = "-";

    public static Command Create()
    {
        var input = new Argument<string>("INPUT.csv")
        {
            Description = "Reviews as CSV with the columns reviewer, item and score (and optionally topic); - reads standard input",
        };
        var command = new Command(Name, "Correct review scores for reviewer leniency, and say what the reviews cannot tell") { input };
        command.SetAction(parse => CommandBoundary.Run(progress =>
        {
            progress.Stage("reading the reviews");
            var sheet = ReviewCsv.Read(Read(parse.GetValue(input)!));
            progress.Stage("calibrating");
            var result = Calibration.Fit(sheet.Reviews, sheet.Topics);
            progress.Stage("writing the result");
            CalibrationResultWriter.Write(sheet, result);
        }));
        return command;
    }

    /// <summary>Whether these arguments name this command (the native executable runs it itself).</summary>
    public static bool Handles(string[] args) => args is [Name, ..];

    private static byte[] Read(string path)
    {
        if (path != StandardInput)
        {
            return JsonInput.ReadFile(path);
        }

        using var stdin = Console.OpenStandardInput();
        using var bytes = new MemoryStream();
        stdin.CopyTo(bytes);
        return bytes.ToArray();
    }
}
