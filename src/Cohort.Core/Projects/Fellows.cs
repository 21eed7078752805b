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

    /// <summary>The stream's fellows with their names, by name: who they are, and the application the mentors rank them by.</summary>
    public static IQueryable<Fellow> NamedOf(CohortDbContext db, int streamId) =>
        Of(db, streamId).Join(db.Users, o => o.ApplicantId, u => u.Id, (o, u) => new { o.ApplicantId, o.StreamApplicationId, u.DisplayName })
            .OrderBy(f => f.DisplayName).ThenBy(f => f.StreamApplicationId).Select(f => new Fellow(f.ApplicantId, f.StreamApplicationId, f.DisplayName));
}

/// <summary>A fellow of a stream: their account, the stream application of their accepted offer, and their name.</summary>
public sealed record Fellow(string ApplicantId, int StreamApplicationId, string Name);
