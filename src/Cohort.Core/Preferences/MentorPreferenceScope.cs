using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Preferences;

/// <summary>What the stream's preferences and each mentor's own input share: who may save, which applicants they may name, and the save.</summary>
internal static class MentorPreferenceScope
{
    public const string Stranger = "The ranking names an applicant who did not apply to this stream, or whose application it is no longer considering.";

    /// <summary>Why <paramref name="mentor"/> may not save <paramref name="rows"/> for the stream, or null.</summary>
    public static async Task<string?> RefusalAsync(CohortDbContext db, Actor mentor, int streamId, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation)
    {
        if (mentor.UserId is null || !await MentorStreams.Of(db, mentor.UserId).AnyAsync(s => s.Id == streamId, cancellation))
        {
            return "Only a mentor of this stream can rank its applicants.";
        }

        var allowed = await StreamsStage.UnderConsideration(db).Where(a => a.StreamId == streamId).Select(a => a.Id).ToListAsync(cancellation);
        return PreferenceRules.Check(rows, allowed.ToHashSet(), Stranger);
    }

    /// <summary>Saves, turning a race with another mentor's save into a message instead of lost preferences.</summary>
    public static Task<string?> SaveAsync(CohortDbContext db, CancellationToken cancellation) =>
        db.SaveOrRefuseAsync("Another mentor saved at the same moment; reload to see their version, then save yours again.", cancellation);
}
