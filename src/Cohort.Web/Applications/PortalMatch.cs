using Cohort.Core.Match;

namespace Cohort.Web.Applications;

/// <summary>What the match means for one applicant: their offers, and for anyone the latest published run left out, why.</summary>
/// <param name="Now">When the page is drawn: a pending offer past its deadline can no longer be answered.</param>
public sealed record PortalMatch(IReadOnlyList<(Offer Offer, string Stream)> Offers, string? Explanation, DateTime Now)
{
    /// <summary>Whether the applicant may still accept or decline the offer.</summary>
    public bool AwaitsAnswer(Offer offer) => offer.State == OfferState.Pending && Now <= offer.RespondBy;

    public static async Task<PortalMatch> LoadAsync(CohortDbContext db, string applicantId, DateTime now, CancellationToken cancellation)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.ApplicantId == applicantId)
            .Join(db.Streams, o => o.StreamId, s => s.Id, (o, s) => new { Offer = o, s.Name })
            .OrderBy(o => o.Offer.Id).ToListAsync(cancellation);
        var latest = await db.MatchRuns.AsNoTracking().Where(r => r.PublishedAt != null && db.Seasons.Any(s => s.Id == r.SeasonId && s.IsCurrent))
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellation);
        // The explanation is shown only to someone the latest published run considered and did not place, and who
        // holds no seat from an earlier round (a declined offer holds none).
        var explanation = latest is null || offers.Any(o => o.Offer.HoldsSeat) ? null
            : await db.UnplacedApplicants.Where(u => u.RunId == latest && u.ApplicantId == applicantId).Select(u => u.Explanation).SingleOrDefaultAsync(cancellation);
        return new(offers.Select(o => (o.Offer, o.Name)).ToList(), explanation, now);
    }
}
