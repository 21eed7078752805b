using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>What an admin settles for a reviewer, when inviting them and when editing their profile later.</summary>
public class ReviewerTermsInput : RecordInput
{
    public const int LoadLimit = 1000;

    [StringLength(200)]
    public string? Organisation { get; set; }

    [StringLength(2000), Display(Name = "Expertise tags")]
    public string? Expertise { get; set; }

    [StringLength(2000)]
    public string? Interests { get; set; }

    [Range(0, LoadLimit), Display(Name = "Fewest reviews per round")]
    public int MinLoad { get; set; }

    [Range(0, LoadLimit), Display(Name = "Most reviews per round")]
    public int MaxLoad { get; set; } = 30;

    /// <summary>The problem with the loads, for the "Input.MaxLoad" field, or null.</summary>
    public string? LoadProblem => MinLoad > MaxLoad ? "The most reviews per round cannot be fewer than the fewest." : null;

    public ReviewerTerms ToTerms() => new(Organisation?.Trim() ?? "", Lines(Expertise), Lines(Interests), MinLoad, MaxLoad);

    /// <summary><paramref name="input"/> (a new one, of this class or a page's own) filled with <paramref name="profile"/>'s terms.</summary>
    public static TInput From<TInput>(ReviewerProfile profile, TInput input)
        where TInput : ReviewerTermsInput
    {
        input.Version = profile.Version;
        input.Organisation = profile.Organisation;
        input.Expertise = profile.ExpertiseText;
        input.Interests = profile.InterestsText;
        input.MinLoad = profile.MinLoad;
        input.MaxLoad = profile.MaxLoad;
        return input;
    }

    // One tag a line, whatever the admin typed: no blank lines, no stray spaces.
    private static string Lines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
