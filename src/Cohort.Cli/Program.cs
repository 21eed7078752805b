using System.CommandLine;
using Cohort.Cli.Accounts;
using Cohort.Cli.Catalogue;
using Cohort.Cli.Database;
using Cohort.Cli.Hosting;
using Cohort.Cli.Matching;

// Each feature folder contributes its own commands; this file only assembles them.
var root = new RootCommand("cohort: runs the selection of a research fellowship")
{
    CliHost.Provider,
    CliHost.Connection,
};
IEnumerable<Command> commands = [.. MatchingCommands.Create(), .. DatabaseCommands.Create(), AdminCommands.Create(), .. CatalogueCommands.Create()];
foreach (var command in commands)
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
