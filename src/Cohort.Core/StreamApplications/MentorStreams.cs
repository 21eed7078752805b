using Cohort.Core.Catalogue;
using Cohort.Core.Data;

namespace Cohort.Core.StreamApplications;

/// <summary>The streams a signed-in mentor may see into: those whose mentor list links to their account.</summary>
public static class MentorStreams
{
    public static IQueryable<ResearchStream> Of(CohortDbContext db, string userId) =>
        db.Streams.Where(s => s.Mentors.Any(m => m.Mentor!.UserId == userId));

    /// <summary>The mentor's stream with <paramref name="slug"/> in the current season; empty for anyone else's.</summary>
    public static IQueryable<ResearchStream> Current(CohortDbContext db, string userId, string slug) =>
        Of(db, userId).Where(s => s.Slug == slug && s.Track!.Season!.IsCurrent);

    /// <summary>Applications a mentor may read: only to their own streams, and never drafts.</summary>
    public static IQueryable<StreamApplication> ApplicationsFor(CohortDbContext db, string userId) =>
        db.StreamApplications.Where(a => a.State != Applications.ApplicationState.Draft && Of(db, userId).Any(s => s.Id == a.StreamId));
}
