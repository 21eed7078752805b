namespace Cohort.Core.Analytics.Reviews;

/// <summary>The review quality section's notes: how to read its charts and why its statistics were chosen (docs/analytics.md says the same).</summary>
internal static class ReviewNotes
{
    public static readonly IReadOnlyList<string> All =
    [
        "Reliability is measured on the reviews' overall scores (0 to 10). The headline is Krippendorff's α with the interval metric: "
        + "each application is read by its own reviewers and some reviews never come, and α needs neither a fixed panel nor the same number of reviews per application "
        + "(Krippendorff 2011, \"Computing Krippendorff's Alpha-Reliability\"). Krippendorff advises relying on data with α of at least 0.8, and drawing only tentative conclusions from 0.667 to 0.8.",
        "Beside it is the one-way intraclass correlation of Shrout and Fleiss (1979), case 1, which assumes the same design (each application its own reviewers from a pool): "
        + "ICC(1,1) is the reliability of one review, ICC(1,k) of the mean of an application's k reviews, the number a score rests on. "
        + "When applications have different numbers of reviews, k is their average group size k₀, so ICC(1,k) is then an approximation; α is not.",
        "Leniency comes from the calibration model of each stage's score table, the one the score pages show by default (open and closed rounds): how many points a reviewer "
        + "scores above (or below) an average reviewer. Its 95% interval is ±1.96 standard errors of the reviewer's effect in the mixed model; it treats the estimated "
        + "variances as known, so it is a little narrow for reviewers with few reviews. A marked reviewer's interval excludes 0: they are reliably harsher or more lenient than average, which calibration already corrects.",
        "The slope chart ranks the same score table twice, by the plain mean of each application's reviews and by its calibrated score, and draws the top 50 by calibrated score. "
        + "Tied scores share a rank.",
        "Reviews still missing are those the open rounds assigned that the reviewer has neither submitted nor declined. Draft rounds are left out of this page: reviewers do not see them yet.",
    ];
}
