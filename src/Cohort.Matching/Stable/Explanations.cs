using System.Runtime.CompilerServices;
using System.Text;
using Cohort.Matching.Text;

namespace Cohort.Matching.Stable;

/// <summary>
/// Plain-language reasons for each applicant's outcome, built only from facts of the result:
/// what the applicant ranked, and for each mentor they preferred to their placement, why it did
/// not take them. Positions are those of the rankings after tie-breaking.
/// </summary>
public static class Explanations
{
    /// <summary>One explanation per applicant, in applicant order.</summary>
    /// <param name="strict">The tie-broken instance the matching was computed on.</param>
    /// <param name="mentorOf">Each applicant's mentor, or -1; must be stable for <paramref name="strict"/>.</param>
    /// <param name="mentorNames">How to name each mentor in the text.</param>
    public static string[] Explain(StableMatchingInstance strict, IReadOnlyList<int> mentorOf, IReadOnlyList<string> mentorNames)
    {
        if (!StabilityChecker.Check(strict, mentorOf).IsStable)
        {
            throw new InvalidOperationException("Explanations need a matching that is stable for the tie-broken rankings.");
        }

        var admitted = new Admissions(strict, mentorOf, mentorNames);
        var texts = new string[strict.ApplicantCount];
        Parallel.For(0, strict.ApplicantCount, a => texts[a] = ExplainOne(strict, a, mentorOf[a], admitted, mentorNames));
        return texts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ExplainOne(
        StableMatchingInstance strict, int applicant, int placedAt, Admissions admitted, IReadOnlyList<string> names)
    {
        var ranking = strict.ApplicantRankings;
        int start = ranking.Start[applicant];
        int length = ranking.Length(applicant);
        if (length == 0)
        {
            return "You ranked nothing, so you could not be placed.";
        }

        int placedChoice = placedAt < 0 ? length : strict.FindApplicantEntry(applicant, placedAt) - start;
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

    /// <summary>Why the mentor of this ranking entry did not take the applicant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string WhyNot(StableMatchingInstance strict, int entry, Admissions admitted, IReadOnlyList<string> names)
    {
        int m = strict.ApplicantRankings.Items[entry];
        string name = names[m];
        int theirs = strict.ApplicantToMentor[entry];
        if (theirs < 0)
        {
            return $"{name} did not rank you.";
        }

        int capacity = strict.Capacities[m];
        if (capacity == 0)
        {
            return $"{name} has no places.";
        }

        // Stability (checked in Explain) guarantees the mentor is full with applicants ranked above.
        int yourPosition = theirs - strict.MentorRankings.Start[m];
        return admitted.FilledSentence(m) + English.Ordinal(yourPosition + 1) + ").";
    }

    /// <summary>
    /// Who each mentor holds, by position in its ranking. The sentence about a full mentor is the
    /// same for everyone it turned away up to "you were ...", so it is built once per mentor
    /// (two threads may both build it; they build the same string).
    /// </summary>
    private sealed class Admissions
    {
        private readonly List<int>[] _positions;
        private readonly string?[] _filledSentence;
        private readonly StableMatchingInstance _strict;
        private readonly IReadOnlyList<string> _names;

        public Admissions(StableMatchingInstance strict, IReadOnlyList<int> mentorOf, IReadOnlyList<string> names)
        {
            _strict = strict;
            _names = names;
            _filledSentence = new string?[strict.MentorCount];
            _positions = new List<int>[strict.MentorCount];
            for (int m = 0; m < strict.MentorCount; m++)
            {
                _positions[m] = [];
            }

            for (int a = 0; a < strict.ApplicantCount; a++)
            {
                int m = mentorOf[a];
                int entry = m < 0 ? -1 : strict.FindApplicantEntry(a, m);
                int theirs = entry < 0 ? -1 : strict.ApplicantToMentor[entry];
                if (theirs >= 0)
                {
                    _positions[m].Add(theirs - strict.MentorRankings.Start[m]);
                }
            }

            foreach (var list in _positions)
            {
                list.Sort();
            }
        }

        /// <summary>"Stream A filled its 2 places with applicants it ranked above you (1st and 2nd; you were ".</summary>
        public string FilledSentence(int mentor) => _filledSentence[mentor] ??= Build(mentor);

        private string Build(int mentor)
        {
            int capacity = _strict.Capacities[mentor];
            string places = English.Count(capacity, "place", "places");
            string whom = capacity == 1 ? "an applicant" : "applicants";
            var ordinals = _positions[mentor].Select(p => English.Ordinal(p + 1)).ToList();
            return $"{_names[mentor]} filled its {places} with {whom} it ranked above you ({English.List(ordinals)}; you were ";
        }
    }
}
