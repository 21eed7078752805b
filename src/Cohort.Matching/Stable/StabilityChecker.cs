using System.Runtime.CompilerServices;

namespace Cohort.Matching.Stable;

/// <summary>What <see cref="StabilityChecker"/> found about a matching.</summary>
/// <param name="OnlyAcceptablePairs">Every matched pair ranks each other.</param>
/// <param name="CapacitiesRespected">No mentor holds more applicants than its capacity.</param>
/// <param name="BlockingPairs">Pairs (applicant, mentor) who both strictly prefer each other to what they have (at most 100 listed).</param>
/// <param name="BlockingPairCount">How many blocking pairs there are in all.</param>
public sealed record StabilityCertificate(
    bool OnlyAcceptablePairs,
    bool CapacitiesRespected,
    IReadOnlyList<(int Applicant, int Mentor)> BlockingPairs,
    int BlockingPairCount)
{
    /// <summary>True when the matching passes every check: it is stable.</summary>
    public bool IsStable => OnlyAcceptablePairs && CapacitiesRespected && BlockingPairCount == 0;
}

/// <summary>
/// Verifies a matching against the original rankings (ties included, so a pair blocks only when
/// both sides strictly prefer each other). Independent of how the matching was computed.
/// </summary>
public static class StabilityChecker
{
    private const int ListedBlockingPairs = 100;

    /// <summary>Checks acceptability, capacities and the absence of blocking pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StabilityCertificate Check(StableMatchingInstance instance, IReadOnlyList<int> mentorOf)
    {
        if (mentorOf.Count != instance.ApplicantCount)
        {
            throw new ArgumentException("The matching must give a mentor (or -1) for every applicant.", nameof(mentorOf));
        }

        var applicants = instance.ApplicantRankings;
        var mentorLevels = instance.MentorRankings.Levels;
        var reverse = instance.ApplicantToMentor;
        var heldCount = new int[instance.MentorCount];
        // The level (in the mentor's ranking) of the worst applicant a mentor holds: the cut-off.
        var worstLevel = new int[instance.MentorCount];
        Array.Fill(worstLevel, -1);
        var matchedLevel = new int[instance.ApplicantCount];
        bool acceptable = true;

        for (int a = 0; a < instance.ApplicantCount; a++)
        {
            int m = mentorOf[a];
            matchedLevel[a] = int.MaxValue;
            if (m < 0)
            {
                continue;
            }

            if ((uint)m >= (uint)instance.MentorCount)
            {
                throw new ArgumentException($"Applicant {a} is matched to mentor {m}, who does not exist.", nameof(mentorOf));
            }

            heldCount[m]++;
            int entry = instance.FindApplicantEntry(a, m);
            if (entry < 0 || reverse[entry] < 0)
            {
                acceptable = false;
                continue;
            }

            matchedLevel[a] = applicants.Levels[entry];
            worstLevel[m] = Math.Max(worstLevel[m], mentorLevels[reverse[entry]]);
        }

        bool capacities = true;
        for (int m = 0; m < instance.MentorCount; m++)
        {
            capacities &= heldCount[m] <= instance.Capacities[m];
        }

        var blocking = new List<(int, int)>();
        int blockingCount = 0;
        for (int a = 0; a < instance.ApplicantCount; a++)
        {
            for (int e = applicants.Start[a]; e < applicants.Start[a + 1] && applicants.Levels[e] < matchedLevel[a]; e++)
            {
                int m = applicants.Items[e];
                int theirs = reverse[e];
                bool mentorWouldTake = theirs >= 0 &&
                    (heldCount[m] < instance.Capacities[m] || mentorLevels[theirs] < worstLevel[m]);
                if (mentorWouldTake)
                {
                    blockingCount++;
                    if (blocking.Count < ListedBlockingPairs)
                    {
                        blocking.Add((a, m));
                    }
                }
            }
        }

        return new StabilityCertificate(acceptable, capacities, blocking, blockingCount);
    }
}
