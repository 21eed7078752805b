namespace Cohort.Matching.Stable;

/// <summary>
/// A hospitals/residents instance over int ids: applicants rank mentors, mentors rank applicants
/// and hold up to <see cref="Capacities"/> applicants. A pair is acceptable only when each side
/// ranks the other.
/// </summary>
public sealed class StableMatchingInstance
{
    /// <summary>Creates an instance; rankings may contain ties.</summary>
    public StableMatchingInstance(Preferences applicantRankings, Preferences mentorRankings, int[] capacities)
    {
        if (mentorRankings.Count != capacities.Length)
        {
            throw new ArgumentException("Every mentor needs a ranking and a capacity.");
        }

        ApplicantRankings = applicantRankings;
        MentorRankings = mentorRankings;
        Capacities = capacities;
        ApplicantToMentor = new ReverseEntries(applicantRankings, mentorRankings);
        MentorToApplicant = new ReverseEntries(mentorRankings, applicantRankings);
    }

    /// <summary>Each applicant's ranking of mentors.</summary>
    public Preferences ApplicantRankings { get; }

    /// <summary>Each mentor's ranking of applicants.</summary>
    public Preferences MentorRankings { get; }

    /// <summary>How many applicants each mentor can take.</summary>
    public int[] Capacities { get; }

    /// <summary>Number of applicants.</summary>
    public int ApplicantCount => ApplicantRankings.Count;

    /// <summary>Number of mentors.</summary>
    public int MentorCount => MentorRankings.Count;

    /// <summary>For each entry of an applicant's ranking, the entry of that applicant in the mentor's ranking.</summary>
    internal ReverseEntries ApplicantToMentor { get; }

    /// <summary>For each entry of a mentor's ranking, the entry of that mentor in the applicant's ranking.</summary>
    internal ReverseEntries MentorToApplicant { get; }

    /// <summary>The entry of <paramref name="mentor"/> in the applicant's ranking, or -1.</summary>
    public int FindApplicantEntry(int applicant, int mentor)
    {
        var rankings = ApplicantRankings;
        for (int e = rankings.Start[applicant]; e < rankings.Start[applicant + 1]; e++)
        {
            if (rankings.Items[e] == mentor)
            {
                return e;
            }
        }

        return -1;
    }
}
