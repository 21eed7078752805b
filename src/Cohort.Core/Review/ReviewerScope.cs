using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// Whom one reviewer may read and score. A reviewer is someone with a profile in the current season's pool: holding
/// the Reviewer role is not enough, since roles outlive seasons and pools. Within the season they never read an
/// applicant they conflict with, declared or detected (<see cref="Conflicts"/>), nor themselves. Every reviewer page,
/// endpoint and scoring use case asks this first.
/// </summary>
public sealed class ReviewerScope
{
    private readonly ReviewerFacts facts;

    private ReviewerScope(int seasonId, ReviewerFacts facts) => (SeasonId, this.facts) = (seasonId, facts);

    public int SeasonId { get; }

    public string ReviewerId => facts.UserId;

    /// <summary>The scope of <paramref name="reviewerId"/> in the current season; null when they are not in its pool.</summary>
    public static async Task<ReviewerScope?> CurrentAsync(CohortDbContext db, string? reviewerId, CancellationToken cancellation)
    {
        var season = reviewerId is null ? null : await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var profile = season is null ? null : await db.ReviewerProfiles.AsNoTracking().Include(p => p.Conflicts)
            .SingleOrDefaultAsync(p => p.SeasonId == season.Id && p.UserId == reviewerId, cancellation);
        if (profile is null)
        {
            return null;
        }

        var email = await db.Users.Where(u => u.Id == reviewerId).Select(u => u.Email).SingleAsync(cancellation) ?? "";
        return new(profile.SeasonId, new ReviewerFacts(profile.UserId, email, profile.Organisation, profile.Conflicts.Select(c => c.ApplicantId).ToHashSet()));
    }

    /// <summary>The applicants among <paramref name="applicantIds"/> this reviewer may not read: themselves and everyone they conflict with.</summary>
    public async Task<string[]> ConflictedAsync(CohortDbContext db, IQueryable<string> applicantIds, CancellationToken cancellation)
    {
        var people = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellation);
        var organisations = (await db.Set<Answer>().AsNoTracking().Where(a => a.Value != "")
                .Join(db.Set<Question>().Where(q => q.Identity == IdentityFlag.Organisation), a => a.QuestionId, q => q.Id, (a, q) => a)
                .Join(db.Applications.Where(x => applicantIds.Contains(x.ApplicantId) && x.Form!.SeasonId == SeasonId), a => a.ApplicationId, x => x.Id,
                    (a, x) => new { x.ApplicantId, a.Value })
                .ToListAsync(cancellation))
            .ToLookup(a => a.ApplicantId, a => a.Value);
        return people.Where(p => Conflicts.Between(facts, new ApplicantFacts(p.Id, p.Email ?? "", organisations[p.Id].ToList())) is not null)
            .Select(p => p.Id).ToArray();
    }

    /// <summary>True when this reviewer may not read <paramref name="applicantId"/>'s answers.</summary>
    public async Task<bool> ConflictsWithAsync(CohortDbContext db, string applicantId, CancellationToken cancellation) =>
        (await ConflictedAsync(db, db.Users.Where(u => u.Id == applicantId).Select(u => u.Id), cancellation)).Length > 0;
}
