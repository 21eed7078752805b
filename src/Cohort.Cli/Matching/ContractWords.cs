using Cohort.Matching.Diagnosis;
using Cohort.Matching.Stable;
using Cohort.Matching.Text;

namespace Cohort.Cli.Matching;

/// <summary>
/// The words of the matching contract (shared/contracts/matching-cli.md), which other tools rely on: its applicants
/// are the engine's candidates and its mentors the engine's hosts. The match commands translate here, at their edge,
/// so that the engine keeps its own words and the contract's JSON and messages stay byte for byte.
/// </summary>
internal static class ContractWords
{
    /// <summary>What an explanation calls the others a full mentor took.</summary>
    public static Noun Applicant { get; } = new("applicant", "applicants");

    /// <summary>`match optimal`'s diagnosis: applicants and mentors, counted in places.</summary>
    public static Vocabulary Matching { get; } = new(Applicant, new("mentor", "mentors"), "place", "places");

    /// <summary>The engine's side for <c>--proposer applicants|mentors</c>, or null for anything else.</summary>
    public static Proposer? ProposerOf(string side) => side switch
    {
        "applicants" => Proposer.Candidates,
        "mentors" => Proposer.Hosts,
        _ => null,
    };

    /// <summary>The contract's name of the side that proposed, as the result's <c>proposer</c> says it.</summary>
    public static string NameOf(Proposer proposer) => proposer == Proposer.Candidates ? "applicants" : "mentors";
}
