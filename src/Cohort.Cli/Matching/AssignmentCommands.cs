using System.CommandLine;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary><c>cohort match optimal INSTANCE.json</c> and <c>cohort reviewers assign INSTANCE.json</c>.</summary>
internal static class AssignmentCommands
{
    public static Command Optimal() => Create("optimal", "Maximum-score assignment with bounds on both sides", AssignmentFormat.Optimal);

    public static Command Reviewers() => Create("assign", "Assign exactly k reviewers per application, maximising affinity", AssignmentFormat.Reviewers);

    private static Command Create(string name, string description, AssignmentFormat format)
    {
        var instance = new Argument<FileInfo>("INSTANCE.json") { Description = "The instance file" };
        var command = new Command(name, description) { instance };
        command.SetAction(parse => CommandBoundary.Run(progress =>
        {
            progress.Stage("reading the instance");
            var input = AssignmentInstanceReader.Read(JsonInput.ReadFile(parse.GetValue(instance)!.FullName), format);
            progress.Stage("optimising");
            var result = AssignmentSolver.Solve(input.Problem);
            if (result.Infeasibility is { } reason)
            {
                throw new InfeasibleException(reason.Describe(format.Words, input.LeftIds, input.RightIds));
            }

            progress.Stage("checking the certificate");
            var report = AssignmentChecker.Check(input.Problem, result.ChosenPairs, result.Certificate);
            progress.Stage("writing the result");
            AssignmentResultWriter.Write(format, input, result, report);
        }));
        return command;
    }
}
