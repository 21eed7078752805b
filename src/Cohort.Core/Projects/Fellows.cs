using Cohort.Core.Data;
using Cohort.Core.Match;

namespace Cohort.Core.Projects;

/// <summary>A stream's fellows: the applicants holding an accepted offer of it. Only they take part in its projects.</summary>
public static class Fellows
{
    /// <summary>Every accepted offer: one per fellow of any stream.</summary>
    public static IQueryable<Offer> All(CohortDbContext db) => db.Offers.Where(o => o.State == OfferState.Accepted);

    /// <summary>The stream's accepted offers, one per fellow; an offer names the fellow's stream application.</summary>
    public static IQueryable<Offer> Of(CohortDbContext db, int streamId) => All(db).Where(o => o.StreamId == streamId);

    /// <summary>The applicant's accepted offer of the current season, empty unless they are a fellow.</summary>
    public static IQueryable<Offer> PlaceOf(CohortDbContext db, string applicantId) =>
        All(db).Where(o => o.ApplicantId == applicantId && db.Seasons.Any(s => s.Id == o.SeasonId && s.IsCurrent));
}
