using System.CommandLine;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary><c>cohort match stable INSTANCE.json [--proposer applicants|mentors] [--seed N]</c>.</summary>
internal static class StableCommand
{
    public static Command Create()
    {
        var instance = new Argument<FileInfo>("INSTANCE.json") { Description = "The instance: applicants and mentors with rankings" };
        var proposer = new Option<string>("--proposer") { Description = "Which side proposes: applicants (default) or mentors", DefaultValueFactory = _ => "applicants" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the lottery that breaks ties (default 0)" };
        var command = new Command("stable", "Stable matching with capacities (deferred acceptance)") { instance, proposer, seed };
        command.SetAction(parse => CommandBoundary.Run(progress =>
        {
            string named = parse.GetValue(proposer)!;
            var side = ContractWords.ProposerOf(named)
                ?? throw new InvalidInputException($"--proposer: must be applicants or mentors (got \"{named}\")");
            progress.Stage("reading the instance");
            var input = ReadInstance(JsonInput.ReadFile(parse.GetValue(instance)!.FullName));
            progress.Stage("matching");
            var result = StableMatcher.Solve(input.Instance, side, parse.GetValue(seed));
            progress.Stage("explaining");
            var explanations = Explanations.Explain(result.StrictInstance, result.HostOf, input.MentorNames, ContractWords.Applicant);
            progress.Stage("writing the result");
            StableResultWriter.Write(input, result, explanations);
        }));
        return command;
    }

    /// <summary>The fast reader handles valid instances; the thorough one finds and names what is wrong.</summary>
    private static ContractStableInstance ReadInstance(byte[] json)
    {
        if (StableFastReader.TryRead(json) is { } input)
        {
            return input;
        }

        using var document = JsonInput.Parse(json);
        return StableInstanceReader.Read(document.RootElement);
    }
}
