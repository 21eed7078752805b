using System.CommandLine;
using Cohort.Cli.Accounts;
using Cohort.Cli.Catalogue;
using Cohort.Cli.Database;
using Cohort.Cli.Hosting;
using Cohort.Cli.Matching;

// The native executable runs the matching commands itself and hands every other command to the full build.
if (!Companion.DatabaseCommandsInProcess && !MatchingCommands.Handles(args))
{
    return Companion.Become(args);
}

// Each feature folder contributes its own commands; this file only assembles them.
var root = new RootCommand("cohort: runs the selection of a research fellowship")
{
    CliHost.Provider,
    CliHost.Connection,
};
IEnumerable<Command> commands = Companion.DatabaseCommandsInProcess
    ? [.. MatchingCommands.Create(), .. DatabaseCommands.Create(), AdminCommands.Create(), .. CatalogueCommands.Create()]
    : MatchingCommands.Create();
foreach (var command in commands)
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
