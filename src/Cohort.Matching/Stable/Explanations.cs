using System.Runtime.CompilerServices;
using System.Text;
using Cohort.Matching.Text;

namespace Cohort.Matching.Stable;

/// <summary>
/// Plain-language reasons for each candidate's outcome, built only from facts of the result:
/// what the candidate ranked, and for each host they preferred to their placement, why it did
/// not take them. Positions are those of the rankings after tie-breaking.
/// </summary>
public static class Explanations
{
    /// <summary>One explanation per candidate, in candidate order.</summary>
    /// <param name="strict">The tie-broken instance the matching was computed on.</param>
    /// <param name="hostOf">Each candidate's host, or -1; must be stable for <paramref name="strict"/>.</param>
    /// <param name="hostNames">How to name each host in the text.</param>
    /// <param name="candidate">What the caller calls a candidate (a fellow, say): the text names the others a full host took.</param>
    public static string[] Explain(StableMatchingInstance strict, IReadOnlyList<int> hostOf, IReadOnlyList<string> hostNames, Noun candidate)
    {
        if (!StabilityChecker.Check(strict, hostOf).IsStable)
        {
            throw new InvalidOperationException("Explanations need a matching that is stable for the tie-broken rankings.");
        }

        var admitted = new Admissions(strict, hostOf, hostNames, candidate);
        var texts = new string[strict.CandidateCount];
        Parallel.For(0, strict.CandidateCount, c => texts[c] = ExplainOne(strict, c, hostOf[c], admitted, hostNames));
        return texts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ExplainOne(
        StableMatchingInstance strict, int candidate, int placedAt, Admissions admitted, IReadOnlyList<string> names)
    {
        var ranking = strict.CandidateRankings;
        int start = ranking.Start[candidate];
        int length = ranking.Length(candidate);
        if (length == 0)
        {
            return "You ranked nothing, so you could not be placed.";
        }

        int placedChoice = placedAt < 0 ? length : strict.FindCandidateEntry(candidate, placedAt) - start;
        var text = new StringBuilder();
        if (placedChoice > 0)
        {
            text.Append($"You ranked {names[ranking.Items[start]]} first. ");
        }

        for (int e = start; e < start + placedChoice; e++)
        {
            text.Append(WhyNot(strict, e, admitted, names)).Append(' ');
        }

        text.Append(placedAt < 0
            ? "You were not placed."
            : $"You were placed at {names[placedAt]}, your {English.Ordinal(placedChoice + 1)} choice.");
        return text.ToString();
    }

    /// <summary>Why the host of this ranking entry did not take the candidate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string WhyNot(StableMatchingInstance strict, int entry, Admissions admitted, IReadOnlyList<string> names)
    {
        int h = strict.CandidateRankings.Items[entry];
        string name = names[h];
        int theirs = strict.CandidateToHost[entry];
        if (theirs < 0)
        {
            return $"{name} did not rank you.";
        }

        int capacity = strict.Capacities[h];
        if (capacity == 0)
        {
            return $"{name} has no places.";
        }

        // Stability (checked in Explain) guarantees the host is full with candidates ranked above.
        int yourPosition = theirs - strict.HostRankings.Start[h];
        return admitted.FilledSentence(h) + English.Ordinal(yourPosition + 1) + ").";
    }

    /// <summary>
    /// Who each host holds, by position in its ranking. The sentence about a full host is the
    /// same for everyone it turned away up to "you were ...", so it is built once per host
    /// (two threads may both build it; they build the same string).
    /// </summary>
    private sealed class Admissions
    {
        private readonly List<int>[] _positions;
        private readonly string?[] _filledSentence;
        private readonly StableMatchingInstance _strict;
        private readonly IReadOnlyList<string> _names;
        private readonly Noun _candidate;

        public Admissions(StableMatchingInstance strict, IReadOnlyList<int> hostOf, IReadOnlyList<string> names, Noun candidate)
        {
            _strict = strict;
            _names = names;
            _candidate = candidate;
            _filledSentence = new string?[strict.HostCount];
            _positions = new List<int>[strict.HostCount];
            for (int h = 0; h < strict.HostCount; h++)
            {
                _positions[h] = [];
            }

            for (int c = 0; c < strict.CandidateCount; c++)
            {
                int h = hostOf[c];
                int entry = h < 0 ? -1 : strict.FindCandidateEntry(c, h);
                int theirs = entry < 0 ? -1 : strict.CandidateToHost[entry];
                if (theirs >= 0)
                {
                    _positions[h].Add(theirs - strict.HostRankings.Start[h]);
                }
            }

            foreach (var list in _positions)
            {
                list.Sort();
            }
        }

        /// <summary>"Project A filled its 2 places with fellows it ranked above you (1st and 2nd; you were ", in the caller's words.</summary>
        public string FilledSentence(int host) => _filledSentence[host] ??= Build(host);

        private string Build(int host)
        {
            int capacity = _strict.Capacities[host];
            string places = English.Count(capacity, "place", "places");
            string whom = capacity == 1 ? _candidate.WithArticle : _candidate.Plural;
            var ordinals = _positions[host].Select(p => English.Ordinal(p + 1)).ToList();
            return $"{_names[host]} filled its {places} with {whom} it ranked above you ({English.List(ordinals)}; you were ";
        }
    }
}
