using Cohort.Core.Catalogue;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// A reviewer writes their own expertise statement for the current season's pool (<see cref="ReviewerProfile.ExpertiseStatement"/>):
/// only their own, only while in the pool, at most <see cref="ReviewerProfile.StatementLength"/> characters.
/// </summary>
public sealed class WriteExpertiseStatement(CohortDbContext db, AuditLog audit)
{
    /// <summary>Saves the statement; the refusal, or null once saved.</summary>
    public async Task<string?> RunAsync(Actor reviewer, string? statement, CancellationToken cancellation = default)
    {
        var text = statement?.Trim() ?? "";
        if (text.Length > ReviewerProfile.StatementLength)
        {
            return $"Your statement has {text.Length:N0} characters; the most is {ReviewerProfile.StatementLength:N0}.";
        }

        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var profile = season is null ? null
            : await db.ReviewerProfiles.SingleOrDefaultAsync(p => p.SeasonId == season.Id && p.UserId == reviewer.UserId, cancellation);
        if (profile is null)
        {
            return BidSheet.NotInPool;
        }

        profile.ExpertiseStatement = text;
        audit.Record(reviewer, "reviewer.statement-written", $"reviewer-profile:{profile.Id}", $"{text.Length} characters");
        return await db.SaveOrRefuseAsync("Your profile changed elsewhere at the same moment, so nothing was saved. Reload the page and try again.", cancellation);
    }
}
