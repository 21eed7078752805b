using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// A fellow pitches a project in their own stream. It waits for a mentor of the stream, who sets its capacity and
/// mentors on approving it; the fellow is not placed on it by pitching, they rank it like everyone else.
/// </summary>
public sealed class PitchOwnProject(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor fellow, string title, string description, CancellationToken cancellation = default)
    {
        var place = await Fellows.PlaceOf(db, fellow.UserId ?? "").SingleOrDefaultAsync(cancellation);
        if (place is null)
        {
            return "Only a fellow of a stream can pitch a project in it.";
        }

        if (ProjectDetails.TextProblem(title, description) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            StreamId = place.StreamId, Title = title.Trim(), Description = description.Trim(), Capacity = 1, State = ProjectState.Pending,
            PitchedById = place.ApplicantId, PitchedByFellow = true, CreatedAt = now, UpdatedAt = now,
        };
        db.Projects.Add(project);
        audit.Record(fellow, "project.pitched", $"stream:{place.StreamId}", ProjectDetails.Summary(project));
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
