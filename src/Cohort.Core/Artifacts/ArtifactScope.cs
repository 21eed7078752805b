using Cohort.Core.Data;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// Who may do what with an artifact. Its fellow authors own it (any of them edits it); the mentors of its stream in its
/// season confirm it, through a profile of that season (mentor profiles are per season, as for fellowships); admins
/// read and confirm every one. Everyone else sees only the public showcase (<see cref="Showcase"/>).
/// </summary>
public static class ArtifactScope
{
    /// <summary>The artifacts a fellow account owns: those whose byline names one of its fellowships.</summary>
    public static IQueryable<Artifact> OfFellow(CohortDbContext db, string userId) =>
        db.Artifacts.Where(a => a.Authors.Any(x => x.FellowshipId != null && FellowshipScope.OfFellow(db, userId).Any(f => f.Id == x.FellowshipId)));

    /// <summary>The artifacts a mentor account may confirm: those of streams a profile linked to it mentors in the artifact's season.</summary>
    public static IQueryable<Artifact> OfMentor(CohortDbContext db, string userId) =>
        db.Artifacts.Where(a => db.StreamMentors.Any(m => m.StreamId == a.StreamId && m.Mentor!.UserId == userId && m.Mentor.SeasonId == a.SeasonId));

    /// <summary>The mentor profile through which the account confirms the artifact; null when it mentors no stream of it.</summary>
    public static Task<int?> MentorProfileIdAsync(CohortDbContext db, string userId, Artifact artifact, CancellationToken cancellation) =>
        db.StreamMentors.Where(m => m.StreamId == artifact.StreamId && m.Mentor!.UserId == userId && m.Mentor.SeasonId == artifact.SeasonId)
            .OrderBy(m => m.Position).Select(m => (int?)m.MentorId).FirstOrDefaultAsync(cancellation);

    /// <summary>The fellowship a fellow records new artifacts under: their latest season's.</summary>
    public static Task<Fellowship?> LatestFellowshipAsync(CohortDbContext db, string userId, CancellationToken cancellation) =>
        db.Fellowships.Where(f => f.ApplicantId == userId)
            .OrderByDescending(f => db.Seasons.Where(s => s.Id == f.SeasonId).Select(s => s.ProgrammeStart).First()).ThenByDescending(f => f.Id)
            .FirstOrDefaultAsync(cancellation);
}
