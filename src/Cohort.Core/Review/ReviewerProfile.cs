using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// A reviewer in one season's pool: what they know, what they want to read, how much they can take on, and the
/// organisation that makes some applicants a conflict of interest for them.
/// </summary>
public class ReviewerProfile : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }

    /// <summary>The reviewer's account; it holds the Reviewer role.</summary>
    public required string UserId { get; set; }

    /// <summary>Where the reviewer works: an applicant who names the same organisation is a conflict.</summary>
    public string Organisation { get; set; } = "";

    /// <summary>Expertise tags, one a line (e.g. "interpretability"), matched against applications' keywords.</summary>
    public string ExpertiseText { get; set; } = "";

    /// <summary>
    /// The reviewer's expertise in their own words (at most <see cref="StatementLength"/> characters): what affinity's
    /// text similarity reads beside the tags, and what the bid page sorts by. Empty until someone writes it.
    /// </summary>
    public string ExpertiseStatement { get; set; } = "";

    public const int StatementLength = 2000;

    /// <summary>Interests, one a line: stream slugs or topics the reviewer would like to read.</summary>
    public string InterestsText { get; set; } = "";

    /// <summary>The fewest and most reviews to give per round.</summary>
    public int MinLoad { get; set; }

    public int MaxLoad { get; set; } = 30;

    public int Version { get; set; }

    public List<DeclaredConflict> Conflicts { get; } = [];

    public IReadOnlyList<string> Expertise => Lines(ExpertiseText);

    public IReadOnlyList<string> Interests => Lines(InterestsText);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A conflict a reviewer (or an admin for them) declared with one applicant: never assigned, whatever the affinity.</summary>
public class DeclaredConflict
{
    public int Id { get; set; }
    public int ReviewerProfileId { get; set; }
    public required string ApplicantId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime DeclaredAt { get; set; }
}
