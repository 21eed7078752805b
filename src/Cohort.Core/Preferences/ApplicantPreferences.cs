using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Preferences;

/// <summary>What an applicant ranks, and until when.</summary>
public static class ApplicantPreferences
{
    /// <summary>The applicant's stream applications of the current season that their streams are considering.</summary>
    public static IQueryable<StreamApplication> UnderConsideration(CohortDbContext db, string applicantId) =>
        StreamsStage.UnderConsideration(db).Where(a => a.ApplicantId == applicantId && a.Stream!.Track!.Season!.IsCurrent);

    /// <summary>The current season's ranking deadline (UTC), or null while none is set.</summary>
    public static async Task<DateTime?> DeadlineAsync(CohortDbContext db, CancellationToken cancellation)
    {
        var deadline = await db.MatchSettings.Where(s => db.Seasons.Any(x => x.Id == s.SeasonId && x.IsCurrent))
            .Select(s => s.RankingDeadline).SingleOrDefaultAsync(cancellation);
        return deadline is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
    }
}
