namespace Cohort.Core.Review;

/// <summary>
/// What applicants and reviewers are told about blind review, written from the season's <see cref="BlindSettings"/>
/// so that no public page can promise more, or less, than reviewers are really shown. Every page that states it
/// (the track pages, the FAQ, the application form, the reviewer's pages) renders these sentences, never its own.
/// </summary>
public static class BlindPromise
{
    /// <summary>What the settings hide, in the applicant's words, in a fixed order; empty when they hide nothing.</summary>
    public static IReadOnlyList<string> HiddenKinds(BlindSettings settings) =>
    [
        .. settings.HideName ? ["your name"] : Array.Empty<string>(),
        .. settings.HideContact ? ["your contact details"] : Array.Empty<string>(),
        .. settings.HideOrganisation ? ["your university or employer"] : Array.Empty<string>(),
        .. settings.HideDateOfBirth ? ["your date of birth"] : Array.Empty<string>(),
        .. settings.HideUrls ? ["links"] : Array.Empty<string>(),
    ];

    /// <summary>The promise to applicants, a few sentences of plain text.</summary>
    public static string ForApplicants(BlindSettings settings)
    {
        var hidden = HiddenKinds(settings);
        var review = hidden.Count == 0
            ? "Reviewers see your application and your assessment answers as you wrote them, with your name and contact details."
            : $"Reviewers score your application and your assessment answers without seeing {List(hidden, "or")}; we also take these out of your written answers wherever we recognise them.";
        var cv = settings.HideCv
            ? "Your CV is not shown to reviewers."
            : hidden.Count == 0 ? "Reviewers can read your CV." : "Reviewers can read your CV as you uploaded it, so they see whatever it contains, your name included.";
        return $"{review} {cv} The mentors of a stream you apply to see your name with your application to their stream.";
    }

    /// <summary>What the reviewer is told is kept from them, so they know why parts of an answer read “[… hidden]”.</summary>
    public static string ForReviewers(BlindSettings settings)
    {
        var hidden = HiddenKinds(settings).Select(kind => kind.Replace("your ", "the applicant's ", StringComparison.Ordinal)).ToList();
        var fields = hidden.Count == 0 ? "This season's blind settings hide nothing from you." : $"Hidden from you: {List(hidden, "and")}.";
        return settings.HideCv ? $"{fields} The CV is withheld. Judge the work, not who did it." : $"{fields} Judge the work, not who did it.";
    }

    private static string List(IReadOnlyList<string> items, string conjunction) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";
}
