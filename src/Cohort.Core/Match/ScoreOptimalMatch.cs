using Cohort.Matching.Assignment;
using Cohort.Matching.Stable;
using Cohort.Matching.Text;

namespace Cohort.Core.Match;

/// <summary>
/// The match optimal on scores: among the pairs both sides find acceptable (the applicant ranked the stream, the
/// stream ranked the applicant and has scored them), the placements whose scores add up to the most, solved exactly
/// by the engine's assignment solver and proven optimal by its independent checker. Ties in score go to the
/// applicants' preferences. Stability is still checked against the rankings and reported, since this match
/// deliberately follows the scores rather than the streams' order.
/// </summary>
internal static class ScoreOptimalMatch
{
    /// <summary>Scores are compared to the hundredth, the precision the score tables show.</summary>
    private const int Hundredths = 100;

    public static MatchResult Solve(MatchInput input)
    {
        var ranked = MatchInstance.RankedStreams(input);
        var acceptable = input.Streams.Select(s => s.Ranking.ToHashSet()).ToList();
        var pairs = AcceptablePairs(input, ranked, acceptable);
        // Each pair is worth its score in hundredths times a weight larger than any possible sum of preference
        // bonuses, plus its bonus: so the total score decides first, and the applicants' preferences break ties.
        long longestRanking = input.Applicants.Select(a => a.Ranking.Count).DefaultIfEmpty(0).Max();
        long weight = input.Applicants.Count * longestRanking + 1;
        var problem = new AssignmentProblem(
            input.Applicants.Select(_ => new Bounds(0, 1)).ToList(),
            input.Streams.Select(s => new Bounds(0, s.Capacity)).ToList(),
            pairs.Select(p => new ScoredPair(p.Applicant, p.Stream, p.Hundredths * weight + (longestRanking - p.Choice))).ToList());
        var solved = AssignmentSolver.Solve(problem);
        var report = AssignmentChecker.Check(problem, solved.ChosenPairs, solved.Certificate);

        var streamOf = Enumerable.Repeat(-1, input.Applicants.Count).ToArray();
        var scoreOf = new double?[input.Applicants.Count];
        foreach (var chosen in solved.ChosenPairs)
        {
            streamOf[pairs[chosen].Applicant] = pairs[chosen].Stream;
            scoreOf[pairs[chosen].Applicant] = pairs[chosen].Hundredths / (double)Hundredths;
        }

        var stability = StabilityChecker.Check(MatchInstance.Of(input), streamOf);
        var certificate = new MatchCertificate(report.OnlyAllowedPairs, report.BoundsRespected, stability.BlockingPairCount,
            report.OptimalityProven, scoreOf.Sum(s => s ?? 0));
        return MatchInstance.Result(input, streamOf, Explain(input, ranked, acceptable, streamOf), certificate, i => scoreOf[i]);
    }

    private sealed record Pair(int Applicant, int Stream, int Choice, long Hundredths);

    /// <param name="ranked">Each applicant's streams by index, best first.</param>
    /// <param name="acceptable">Each stream's acceptable applicants: those its ranking holds.</param>
    private static List<Pair> AcceptablePairs(MatchInput input, List<int[]> ranked, List<HashSet<string>> acceptable)
    {
        var pairs = new List<Pair>();
        for (int a = 0; a < input.Applicants.Count; a++)
        {
            var applicantId = input.Applicants[a].ApplicantId;
            for (int choice = 0; choice < ranked[a].Length; choice++)
            {
                var stream = ranked[a][choice];
                if (acceptable[stream].Contains(applicantId) && input.Streams[stream].Scores is { } scores && scores.TryGetValue(applicantId, out var score))
                {
                    pairs.Add(new Pair(a, stream, choice, (long)Math.Round(score * Hundredths)));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Why each applicant is where they are, from facts an optimal solution guarantees: an unmatched applicant's
    /// acceptable streams are full of applicants they scored at least as high (otherwise swapping would raise the
    /// total), and a placed applicant could not move up without lowering the total.
    /// </summary>
    private static string[] Explain(MatchInput input, List<int[]> ranked, List<HashSet<string>> acceptable, IReadOnlyList<int> streamOf) =>
        input.Applicants.Select((applicant, a) =>
        {
            if (ranked[a].Length == 0)
            {
                return "You ranked no streams, so you could not be placed.";
            }

            var placedChoice = streamOf[a] < 0 ? ranked[a].Length : Array.IndexOf(ranked[a], streamOf[a]);
            var reasons = ranked[a].Take(placedChoice).Select(s => WhyNot(input.Streams[s], acceptable[s].Contains(applicant.ApplicantId), applicant.ApplicantId, placed: streamOf[a] >= 0));
            var outcome = streamOf[a] < 0
                ? "You were not placed."
                : $"You were placed at {input.Streams[streamOf[a]].Name}, your {English.Ordinal(placedChoice + 1)} choice.";
            return string.Join(' ', new[] { "This match places applicants so that the streams' scores of the applicants they take add up to the most." }.Concat(reasons).Append(outcome));
        }).ToArray();

    private static string WhyNot(MatchStream stream, bool acceptable, string applicantId, bool placed) => stream switch
    {
        _ when !acceptable => $"{stream.Name} did not rank you as acceptable.",
        _ when stream.Scores?.ContainsKey(applicantId) != true => $"{stream.Name} has not scored you, and this match places applicants only where they are scored.",
        { Capacity: 0 } => $"{stream.Name} had no seats left.",
        _ when placed => $"Moving you to {stream.Name} would not have given the match a higher total score.",
        _ => $"{stream.Name}'s seats went to applicants it scored at least as high as you.",
    };
}
