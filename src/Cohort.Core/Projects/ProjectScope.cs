using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>What the projects' use cases share: who mentors what, and who may run a stream's assignment.</summary>
public static class ProjectScope
{
    public static Task<bool> IsMentorOfStreamAsync(CohortDbContext db, Actor actor, int streamId, CancellationToken cancellation) =>
        actor.UserId is { } userId ? MentorStreams.Of(db, userId).AnyAsync(s => s.Id == streamId, cancellation) : Task.FromResult(false);

    /// <summary>Whether <paramref name="actor"/> may run and publish the stream's assignment: a mentor of the stream, or an admin.</summary>
    public static async Task<bool> MayAssignAsync(CohortDbContext db, Actor actor, int streamId, CancellationToken cancellation) =>
        await IsMentorOfStreamAsync(db, actor, streamId, cancellation)
        || await db.UserRoles.AnyAsync(ur => ur.UserId == actor.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), cancellation);

    /// <summary>The project with its mentors, tracked, when <paramref name="actor"/> mentors its stream; null for anyone else.</summary>
    public static Task<Project?> OfMentorAsync(CohortDbContext db, Actor actor, int projectId, CancellationToken cancellation) =>
        db.Projects.Include(p => p.Mentors)
            .SingleOrDefaultAsync(p => p.Id == projectId && MentorStreams.Of(db, actor.UserId ?? "").Any(s => s.Id == p.StreamId), cancellation);

    /// <summary>The mentor profiles of the stream: the only ones who may mentor its projects.</summary>
    public static Task<List<int>> StreamMentorIdsAsync(CohortDbContext db, int streamId, CancellationToken cancellation) =>
        db.StreamMentors.Where(m => m.StreamId == streamId).Select(m => m.MentorId).ToListAsync(cancellation);
}
