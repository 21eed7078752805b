using System.CommandLine;

namespace Cohort.Cli.Matching;

/// <summary>The `match` and `reviewers` commands of the matching contract.</summary>
internal static class MatchingCommands
{
    private const string Match = "match";
    private const string Reviewers = "reviewers";

    public static IEnumerable<Command> Create() =>
    [
        new Command(Match, "Match applicants to mentors") { StableCommand.Create(), AssignmentCommands.Optimal() },
        new Command(Reviewers, "Assign reviewers to applications") { AssignmentCommands.Reviewers() },
    ];

    /// <summary>Whether these arguments name one of these commands (the native executable runs only those itself).</summary>
    public static bool Handles(string[] args) => args is [Match or Reviewers, ..];
}
