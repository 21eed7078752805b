using System.CommandLine;
using Cohort.Cli.Matching;

// Each feature folder contributes its own commands; this file only assembles them.
var root = new RootCommand("cohort: runs the selection of a research fellowship");
foreach (var command in MatchingCommands.Create())
{
    root.Subcommands.Add(command);
}

return root.Parse(args).Invoke();
