using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>
/// Who sees which fellowship. A fellow sees only their own; a mentor sees the fellowships of the streams they mentor in
/// the fellowship's own season (mentor profiles are per season, so a mentor of 2026 who is not linked to a 2027
/// profile keeps seeing their 2026 fellows, and a 2027 profile does not open 2026's); admins see all. Every page and
/// use case of the programme scopes through these queries.
/// </summary>
public static class FellowshipScope
{
    /// <summary>The fellowships a mentor account may see: those of streams mentored by a profile linked to the account.</summary>
    public static IQueryable<Fellowship> OfMentor(CohortDbContext db, string userId) =>
        db.Fellowships.Where(f => db.StreamMentors.Any(m => m.StreamId == f.StreamId && m.Mentor!.UserId == userId && m.Mentor.SeasonId == f.SeasonId));

    /// <summary>The fellowships of a fellow account: one a season they were a fellow of.</summary>
    public static IQueryable<Fellowship> OfFellow(CohortDbContext db, string userId) =>
        db.Fellowships.Where(f => f.ApplicantId == userId);

    /// <summary>
    /// A season's cohort, optionally one stream of it, among <paramref name="fellowships"/>: <c>db.Fellowships</c> for
    /// the whole cohort, or what a reader may see (<see cref="OfMentor"/>) for theirs.
    /// </summary>
    public static IQueryable<Fellowship> Cohort(IQueryable<Fellowship> fellowships, int seasonId, int? streamId = null) =>
        fellowships.Where(f => f.SeasonId == seasonId && (streamId == null || f.StreamId == streamId));

    /// <summary>The mentor profile through which the account mentors the fellowship (the one a sign-off or check-in is recorded under); null when it does not.</summary>
    public static Task<int?> MentorProfileIdAsync(CohortDbContext db, string userId, int fellowshipId, CancellationToken cancellation) =>
        db.Fellowships.Where(f => f.Id == fellowshipId)
            .SelectMany(f => db.StreamMentors.Where(m => m.StreamId == f.StreamId && m.Mentor!.UserId == userId && m.Mentor.SeasonId == f.SeasonId))
            .OrderBy(m => m.Position).Select(m => (int?)m.MentorId).FirstOrDefaultAsync(cancellation);

    /// <summary>The latest season that has fellows, the cohort pages' default; null before the first accepted offer.</summary>
    public static Task<int?> LatestSeasonIdAsync(IQueryable<Fellowship> visible, CohortDbContext db, CancellationToken cancellation) =>
        db.Seasons.Where(s => visible.Any(f => f.SeasonId == s.Id)).OrderByDescending(s => s.ProgrammeStart).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellation);
}
