using System.Runtime.CompilerServices;

namespace Cohort.Matching.Stable;

/// <summary>Which side proposes in deferred acceptance; that side gets its best stable matching.</summary>
public enum Proposer
{
    /// <summary>Applicants propose: the applicant-optimal stable matching.</summary>
    Applicants,

    /// <summary>Mentors propose: the mentor-optimal stable matching.</summary>
    Mentors,
}

/// <summary>
/// Gale–Shapley deferred acceptance with capacities, over strict rankings (break ties first
/// with <see cref="TieBreaking"/>). Runs in time linear in the total length of the rankings.
/// </summary>
public static class DeferredAcceptance
{
    /// <summary>Runs deferred acceptance; returns each applicant's mentor (-1 if unmatched) and the number of proposals.</summary>
    public static (int[] MentorOf, long Proposals) Run(StableMatchingInstance strict, Proposer proposer) =>
        proposer == Proposer.Applicants ? ApplicantsPropose(strict) : MentorsPropose(strict);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] MentorOf, long Proposals) ApplicantsPropose(StableMatchingInstance instance)
    {
        int[] start = instance.ApplicantRankings.Start;
        int[] choices = instance.ApplicantRankings.Items;
        int[] reverse = instance.ApplicantToMentor.Entries;
        int[] mentorItems = instance.MentorRankings.Items;
        int[] capacity = instance.Capacities;
        int n = instance.ApplicantCount;

        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        // next[a]: the entry of a's ranking that a proposes to next.
        var next = start[..n];
        // Held applicants are marked on the mentor's own ranking, so the worst one is found by
        // scanning that ranking upwards; a full mentor's cut-off only rises, so the scans are linear in total.
        var held = new bool[mentorItems.Length];
        var heldCount = new int[instance.MentorCount];
        var worst = new int[instance.MentorCount];
        Array.Fill(worst, -1);

        long proposals = 0;
        for (int first = 0; first < n; first++)
        {
            // An applicant displaced by a proposal proposes on at once (the result does not
            // depend on the order of proposals), so no queue of free applicants is needed.
            for (int a = first; a >= 0;)
            {
                int proposer = a;
                a = -1;
                for (int end = start[proposer + 1]; next[proposer] < end;)
                {
                    int entry = next[proposer]++;
                    proposals++;
                    int theirs = reverse[entry];
                    if (theirs < 0)
                    {
                        continue;
                    }

                    int m = choices[entry];
                    if (heldCount[m] < capacity[m])
                    {
                        held[theirs] = true;
                        heldCount[m]++;
                        worst[m] = Math.Max(worst[m], theirs);
                        mentorOf[proposer] = m;
                        break;
                    }

                    if (theirs < worst[m])
                    {
                        int w = worst[m];
                        a = mentorItems[w];
                        held[w] = false;
                        mentorOf[a] = -1;
                        held[theirs] = true;
                        mentorOf[proposer] = m;
                        do
                        {
                            w--;
                        }
                        while (!held[w]);

                        worst[m] = w;
                        break;
                    }
                }
            }
        }

        return (mentorOf, proposals);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] MentorOf, long Proposals) MentorsPropose(StableMatchingInstance instance)
    {
        var mentors = instance.MentorRankings;
        var reverse = instance.MentorToApplicant;
        int[] capacity = instance.Capacities;

        var mentorOf = new int[instance.ApplicantCount];
        var heldEntry = new int[instance.ApplicantCount];
        Array.Fill(mentorOf, -1);
        var next = new int[instance.MentorCount];
        var heldCount = new int[instance.MentorCount];

        var open = new Stack<int>(instance.MentorCount);
        for (int m = instance.MentorCount - 1; m >= 0; m--)
        {
            open.Push(m);
        }

        long proposals = 0;
        while (open.TryPop(out int m))
        {
            int end = mentors.Start[m + 1];
            while (heldCount[m] < capacity[m] && mentors.Start[m] + next[m] < end)
            {
                int entry = mentors.Start[m] + next[m]++;
                proposals++;
                int theirs = reverse[entry];
                if (theirs < 0)
                {
                    continue;
                }

                int a = mentors.Items[entry];
                int current = mentorOf[a];
                if (current >= 0 && heldEntry[a] < theirs)
                {
                    continue;
                }

                if (current >= 0)
                {
                    // The displaced mentor has a free place again; a stale second push is harmless.
                    heldCount[current]--;
                    open.Push(current);
                }

                mentorOf[a] = m;
                heldEntry[a] = theirs;
                heldCount[m]++;
            }
        }

        return (mentorOf, proposals);
    }
}
