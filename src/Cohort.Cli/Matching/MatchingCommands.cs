using System.CommandLine;

namespace Cohort.Cli.Matching;

/// <summary>The `match` and `reviewers` commands of the matching contract.</summary>
internal static class MatchingCommands
{
    public static IEnumerable<Command> Create() =>
    [
        new Command("match", "Match applicants to mentors") { StableCommand.Create(), AssignmentCommands.Optimal() },
        new Command("reviewers", "Assign reviewers to applications") { AssignmentCommands.Reviewers() },
    ];
}
