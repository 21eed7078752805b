using Cohort.Core.Review;

namespace Cohort.Cli.Review;

/// <summary>
/// The reviews of a review spreadsheet, ready for <see cref="Calibration.Fit"/>. Items are named by strings (a HotCRP
/// paper number, an OpenReview note id), the model's subjects by ints: subject <c>s</c> is <c>Items[s]</c>, numbered in
/// the order the items first appear. <see cref="Reviewers"/> are in the same order of first appearance, and
/// <see cref="Topics"/> gives the topic of each subject that has one.
/// </summary>
internal sealed record ReviewSheet(
    IReadOnlyList<string> Items,
    IReadOnlyList<string> Reviewers,
    IReadOnlyList<ReviewScore> Reviews,
    IReadOnlyDictionary<int, string> Topics);
