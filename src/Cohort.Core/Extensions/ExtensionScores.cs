using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>
/// An extension round's calibrated review scores, 0 to 10, by extension application: the reviews of its open and
/// closed review rounds (drafts have none yet), fitted by the same <see cref="Calibration"/> as every stage's score
/// table, so a lenient reviewer's 8 and a strict one's 6 count alike. Empty when the round has no reviews.
/// </summary>
public static class ExtensionScores
{
    public static async Task<IReadOnlyDictionary<int, double>> CalibratedAsync(CohortDbContext db, int extensionRoundId, CancellationToken cancellation)
    {
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.Round!.Stage == Catalogue.StageKind.Extension && a.Round.ExtensionRoundId == extensionRoundId
                && a.Round.State != ReviewRoundState.Draft && a.Review != null)
            .Select(a => new ReviewScore(a.SubjectId, a.ReviewerId, a.Review!.Overall))
            .ToListAsync(cancellation);
        return reviews.Count == 0 ? new Dictionary<int, double>()
            : Calibration.Fit(reviews).Subjects.ToDictionary(s => s.Key, s => Math.Clamp(s.Value.Calibrated, 0, 10));
    }
}
