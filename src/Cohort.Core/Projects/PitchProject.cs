using Cohort.Core.Audit;
using Cohort.Core.Data;

namespace Cohort.Core.Projects;

/// <summary>A mentor of a stream pitches a project for its fellows: approved at once, mentored by the stream's mentors they choose.</summary>
public sealed class PitchProject(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor mentor, int streamId, ProjectDetails details, CancellationToken cancellation = default)
    {
        if (!await ProjectScope.IsMentorOfStreamAsync(db, mentor, streamId, cancellation))
        {
            return "Only a mentor of this stream can pitch its projects.";
        }

        if (details.Problem(await ProjectScope.StreamMentorIdsAsync(db, streamId, cancellation)) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            StreamId = streamId, Title = "", Description = "", State = ProjectState.Approved, PitchedById = mentor.UserId!, CreatedAt = now,
        };
        details.ApplyTo(project, now);
        db.Projects.Add(project);
        audit.Record(mentor, "project.pitched", $"stream:{streamId}", ProjectDetails.Summary(project));
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
