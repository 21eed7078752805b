using Cohort.Matching.Text;

namespace Cohort.Matching.Diagnosis;

/// <summary>Which side's lower bounds cannot be met.</summary>
public enum InfeasibilityKind
{
    /// <summary>
    /// The named left people need more partners (their minimums) than the named right people
    /// can give (their maximums) plus the pairs that lead from them to anyone else.
    /// </summary>
    LeftMinimumsExceedCapacity,

    /// <summary>
    /// The named right people need more partners (their minimums) than the named left people
    /// can give (their maximums) plus the pairs that lead to them from anyone else.
    /// </summary>
    RightMinimumsExceedCapacity,
}

/// <summary>
/// A minimal reason why no assignment exists, read off a minimum cut (Hoffman's condition):
/// the <see cref="Demanding"/> side needs <see cref="Required"/> partners in all, but at most
/// <see cref="Available"/> can reach it: the maximums of <see cref="Supplying"/> plus
/// <see cref="OtherPairs"/> candidate pairs linking the demanding people to anyone else.
/// </summary>
/// <param name="Kind">Which side demands.</param>
/// <param name="Demanding">Indices of the people whose minimums cannot be met (left people for
/// <see cref="InfeasibilityKind.LeftMinimumsExceedCapacity"/>, right people otherwise).</param>
/// <param name="Supplying">Indices of the people on the other side whose maximums are counted.</param>
/// <param name="Required">Sum of the demanding people's minimums.</param>
/// <param name="OtherPairs">Candidate pairs between the demanding people and other-side people not in <paramref name="Supplying"/>.</param>
/// <param name="Available">Sum of the supplying people's maximums, plus <paramref name="OtherPairs"/>.</param>
/// <param name="EveryoneNamed">True when the demanding and supplying sets are whole sides.</param>
/// <param name="Partners">Other-side people at the far end of the <paramref name="OtherPairs"/>.</param>
public sealed record Infeasibility(
    InfeasibilityKind Kind,
    IReadOnlyList<int> Demanding,
    IReadOnlyList<int> Supplying,
    long Required,
    long OtherPairs,
    long Available,
    bool EveryoneNamed,
    IReadOnlyList<int> Partners)
{
    /// <summary>The reason in plain words, naming people by <paramref name="leftNames"/> and <paramref name="rightNames"/>.</summary>
    public string Describe(Vocabulary words, IReadOnlyList<string> leftNames, IReadOnlyList<string> rightNames)
    {
        bool leftDemands = Kind == InfeasibilityKind.LeftMinimumsExceedCapacity;
        var (demandNoun, supplyNoun) = leftDemands ? (words.Left, words.Right) : (words.Right, words.Left);
        var demandNames = Demanding.Select(i => (leftDemands ? leftNames : rightNames)[i]).ToList();
        var supplyNames = Supplying.Select(i => (leftDemands ? rightNames : leftNames)[i]).ToList();
        string units = English.Count(Required, words.Unit, words.Units);
        if (EveryoneNamed && OtherPairs == 0)
        {
            return leftDemands
                ? $"{words.Left.Plural} need {units} in total but {words.Right.Singular} maximum loads total only {Available}"
                : $"{words.Right.Singular} minimum loads total {Required} but only {English.Count(Available, words.Unit, words.Units)} {(Available == 1 ? "exists" : "exist")}";
        }

        string who = $"{demandNoun.For(demandNames.Count)} {English.ShortList(demandNames)}";
        string verb = demandNames.Count == 1 ? "needs" : "need";
        // Every pair is forbidden: "only 0 pairs (with reviewers )" would say nothing.
        if (supplyNames.Count == 0 && OtherPairs == 0)
        {
            return $"{who} {verb} {units} but no {supplyNoun.Singular} can be paired with {(demandNames.Count == 1 ? "it" : "any of them")}";
        }

        if (supplyNames.Count == 0 && demandNames.Count == 1)
        {
            return $"{who} {verb} {units} but only {English.Count(OtherPairs, supplyNoun.Singular, supplyNoun.Plural)} can be paired with it";
        }

        if (supplyNames.Count == 0)
        {
            var partnerNames = Partners.Select(i => (leftDemands ? rightNames : leftNames)[i]).ToList();
            return $"{who} {verb} {units} but only {English.Count(OtherPairs, "eligible pair exists", "eligible pairs exist")} for them " +
                $"(with {supplyNoun.For(partnerNames.Count)} {English.ShortList(partnerNames)})";
        }

        string among = $"{who} {verb} {units} among {supplyNoun.For(supplyNames.Count)} {English.ShortList(supplyNames)}, " +
            $"who can take at most {Available - OtherPairs}";
        return OtherPairs == 0
            ? among
            : $"{among}, and only {English.Count(OtherPairs, "other eligible pair", "other eligible pairs")} can add to that";
    }
}

/// <summary>The words a diagnosis uses for the two sides and for one assignment: the caller's, since only it knows what the sides are.</summary>
/// <param name="Left">What a left person is called.</param>
/// <param name="Right">What a right person is called.</param>
/// <param name="Unit">One assignment, singular.</param>
/// <param name="Units">Assignments, plural.</param>
public sealed record Vocabulary(Noun Left, Noun Right, string Unit, string Units)
{
    /// <summary>Reviewer assignment: applications and reviewers, counted in reviews.</summary>
    public static Vocabulary Reviewers { get; } = new(new("application", "applications"), new("reviewer", "reviewers"), "review", "reviews");
}
