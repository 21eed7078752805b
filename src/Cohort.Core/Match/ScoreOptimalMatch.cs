using Cohort.Matching.Assignment;
using Cohort.Matching.Stable;
using Cohort.Matching.Text;

namespace Cohort.Core.Match;

/// <summary>
/// The match optimal on scores: among the pairs both sides find acceptable (the candidate ranked the host, the host
/// ranked the candidate and has scored them), the placements whose scores add up to the most, solved exactly by the
/// engine's assignment solver and proven optimal by its independent checker. Ties in score go to the candidates'
/// preferences. Stability is still checked against the preferences and reported, since this match deliberately
/// follows the scores rather than the hosts' order.
/// </summary>
internal static class ScoreOptimalMatch
{
    /// <summary>Scores are compared to the hundredth, the precision the score tables show.</summary>
    private const int Hundredths = 100;

    public static MatchResult Solve(MatchInput input, MatchSides sides)
    {
        var ranked = MatchInstance.RankedHosts(input);
        var acceptable = input.Hosts.Select(h => h.Ranking.ToHashSet()).ToList();
        var pairs = AcceptablePairs(input, ranked, acceptable);
        // Each pair is worth its score in hundredths times a weight larger than any possible sum of preference
        // bonuses, plus its bonus: so the total score decides first, and the candidates' preferences break ties.
        long longestRanking = input.Candidates.Select(c => c.Ranking.Count).DefaultIfEmpty(0).Max();
        long weight = input.Candidates.Count * longestRanking + 1;
        var problem = new AssignmentProblem(
            input.Candidates.Select(_ => new Bounds(0, 1)).ToList(),
            input.Hosts.Select(h => new Bounds(0, h.Capacity)).ToList(),
            pairs.Select(p => new ScoredPair(p.Candidate, p.Host, p.Hundredths * weight + (longestRanking - p.Choice))).ToList());
        var solved = AssignmentSolver.Solve(problem);
        var report = AssignmentChecker.Check(problem, solved.ChosenPairs, solved.Certificate);

        var hostOf = Enumerable.Repeat(-1, input.Candidates.Count).ToArray();
        var scoreOf = new double?[input.Candidates.Count];
        foreach (var chosen in solved.ChosenPairs)
        {
            hostOf[pairs[chosen].Candidate] = pairs[chosen].Host;
            scoreOf[pairs[chosen].Candidate] = pairs[chosen].Hundredths / (double)Hundredths;
        }

        var stability = StabilityChecker.Check(MatchInstance.Of(input), hostOf);
        var certificate = new MatchCertificate(report.OnlyAllowedPairs, report.BoundsRespected, stability.BlockingPairCount,
            report.OptimalityProven, scoreOf.Sum(s => s ?? 0));
        return MatchInstance.Result(input, hostOf, Explain(input, sides, ranked, acceptable, hostOf), certificate, i => scoreOf[i]);
    }

    private sealed record Pair(int Candidate, int Host, int Choice, long Hundredths);

    /// <param name="ranked">Each candidate's hosts by index, best first.</param>
    /// <param name="acceptable">Each host's acceptable candidates: those its ranking holds.</param>
    private static List<Pair> AcceptablePairs(MatchInput input, List<int[]> ranked, List<HashSet<string>> acceptable)
    {
        var pairs = new List<Pair>();
        for (int c = 0; c < input.Candidates.Count; c++)
        {
            var candidateId = input.Candidates[c].CandidateId;
            for (int choice = 0; choice < ranked[c].Length; choice++)
            {
                var host = ranked[c][choice];
                if (acceptable[host].Contains(candidateId) && input.Hosts[host].Scores is { } scores && scores.TryGetValue(candidateId, out var score))
                {
                    pairs.Add(new Pair(c, host, choice, (long)Math.Round(score * Hundredths)));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Why each candidate is where they are, from facts an optimal solution guarantees: an unmatched candidate's
    /// acceptable hosts are full of candidates they scored at least as high (otherwise swapping would raise the
    /// total), and a placed candidate could not move up without lowering the total. In the words of the run's kind.
    /// </summary>
    private static string[] Explain(MatchInput input, MatchSides sides, List<int[]> ranked, List<HashSet<string>> acceptable, IReadOnlyList<int> hostOf) =>
        input.Candidates.Select((candidate, c) =>
        {
            if (ranked[c].Length == 0)
            {
                return $"You ranked no {sides.Host.Plural}, so you could not be placed.";
            }

            var placedChoice = hostOf[c] < 0 ? ranked[c].Length : Array.IndexOf(ranked[c], hostOf[c]);
            var reasons = ranked[c].Take(placedChoice).Select(h => WhyNot(input.Hosts[h], sides, acceptable[h].Contains(candidate.CandidateId), candidate.CandidateId, placed: hostOf[c] >= 0));
            var outcome = hostOf[c] < 0
                ? "You were not placed."
                : $"You were placed at {input.Hosts[hostOf[c]].Name}, your {English.Ordinal(placedChoice + 1)} choice.";
            var rule = $"This match places {sides.Candidate.Plural} so that the {sides.Host.Plural}' scores of the {sides.Candidate.Plural} they take add up to the most.";
            return string.Join(' ', new[] { rule }.Concat(reasons).Append(outcome));
        }).ToArray();

    private static string WhyNot(MatchHost host, MatchSides sides, bool acceptable, string candidateId, bool placed) => host switch
    {
        _ when !acceptable => $"{host.Name} did not rank you as acceptable.",
        _ when host.Scores?.ContainsKey(candidateId) != true => $"{host.Name} has not scored you, and this match places {sides.Candidate.Plural} only where they are scored.",
        { Capacity: 0 } => $"{host.Name} had no {sides.Place.Plural} left.",
        _ when placed => $"Moving you to {host.Name} would not have given the match a higher total score.",
        _ => $"{host.Name}'s {sides.Place.Plural} went to {sides.Candidate.Plural} it scored at least as high as you.",
    };
}
