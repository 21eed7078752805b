using System.CommandLine;
using Cohort.Cli.Accounts;
using Cohort.Cli.Api;
using Cohort.Cli.Database;
using Cohort.Cli.Hosting;
using Cohort.Cli.Matching;
using Cohort.Cli.Operations;
using Cohort.Cli.Review;
using Cohort.Cli.Transfer;

// The native executable runs the commands that need no database itself and hands every other command to the full build.
if (!Companion.DatabaseCommandsInProcess && !Companion.RunsNatively(args))
{
    return Companion.Become(args);
}

// Each feature folder contributes its own commands; this file only assembles them.
var root = new RootCommand("cohort: runs the selection of a research fellowship")
{
    CliHost.Provider,
    CliHost.Connection,
};
IEnumerable<Command> native = [.. MatchingCommands.Create(), CalibrateCommand.Create()];
IEnumerable<Command> commands = Companion.DatabaseCommandsInProcess
    ? [.. native, AffinityCommand.Create(), .. DatabaseCommands.Create(), AdminCommands.Create(), TokenCommands.Create(), .. TransferCommands.Create(), DoctorCommand.Create()]
    : native;
foreach (var command in commands)
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A mistyped command line is bad input: one line and exit 2, like every other refusal, not the whole help text.
    var names = new List<string>();
    for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
    {
        names.Insert(0, result.Command.Name);
    }

    var command = string.Join(' ', names);
    await Console.Error.WriteLineAsync($"{command}: {parse.Errors[0].Message} (see `{command} --help`)");
    return 2;
}

return await parse.InvokeAsync();
