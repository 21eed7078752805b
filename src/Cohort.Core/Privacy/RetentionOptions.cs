namespace Cohort.Core.Privacy;

/// <summary>How long applicants' data is kept (section "Cohort", beside the web host's settings).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Cohort";
    public const int MostMonths = 1200;

    /// <summary>
    /// Months after a season's programme ends that its applicants are erased by <c>cohort purge</c> and the daily
    /// <c>applicant-retention</c> job. Unset keeps them until someone erases them.
    /// </summary>
    public int? RetainApplicantsForMonths { get; set; }

    public static IEnumerable<string> Problems(RetentionOptions options)
    {
        if (options.RetainApplicantsForMonths is { } months && months is < 1 or > MostMonths)
        {
            yield return $"{Section}:{nameof(RetainApplicantsForMonths)} must be a number of months from 1 to {MostMonths}, or unset to keep applicants; it is {months}.";
        }
    }
}
