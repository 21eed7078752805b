using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// A mentor of the stream approves a fellow's pitch, setting its capacity and mentors (the approving mentor unless
/// others are chosen), or declines it; either way with an optional note the fellow reads.
/// </summary>
public sealed class DecidePitch(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> ApproveAsync(Actor mentor, int projectId, int capacity, IReadOnlyList<int> mentorIds, string? note, CancellationToken cancellation = default)
    {
        var project = await PendingAsync(mentor, projectId, cancellation);
        if (project is null)
        {
            return NoPendingPitch;
        }

        if (mentorIds.Count == 0)
        {
            mentorIds = await db.StreamMentors.Where(m => m.StreamId == project.StreamId && m.Mentor!.UserId == mentor.UserId).Select(m => m.MentorId).ToListAsync(cancellation);
        }

        var details = new ProjectDetails(project.Title, project.Description, capacity, mentorIds);
        var refusal = NoteProblem(note) ?? details.Problem(await ProjectScope.StreamMentorIdsAsync(db, project.StreamId, cancellation));
        if (refusal is not null)
        {
            return refusal;
        }

        details.ApplyTo(project, clock.GetUtcNow().UtcDateTime);
        return await DecideAsync(mentor, project, ProjectState.Approved, note, cancellation);
    }

    public async Task<string?> DeclineAsync(Actor mentor, int projectId, string? note, CancellationToken cancellation = default)
    {
        var project = await PendingAsync(mentor, projectId, cancellation);
        return project is null ? NoPendingPitch : NoteProblem(note) ?? await DecideAsync(mentor, project, ProjectState.Declined, note, cancellation);
    }

    private const string NoPendingPitch = "There is no such pitch waiting in your streams; another mentor may have decided it already.";

    private async Task<Project?> PendingAsync(Actor mentor, int projectId, CancellationToken cancellation) =>
        await ProjectScope.OfMentorAsync(db, mentor, projectId, cancellation) is { State: ProjectState.Pending } project ? project : null;

    private static string? NoteProblem(string? note) =>
        note?.Trim().Length > Project.MaxNoteLength ? $"A note is at most {Project.MaxNoteLength:N0} characters. Nothing was saved." : null;

    private async Task<string?> DecideAsync(Actor mentor, Project project, ProjectState state, string? note, CancellationToken cancellation)
    {
        project.State = state;
        project.DecisionNote = note?.Trim() ?? "";
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(mentor, state == ProjectState.Approved ? "project.approved" : "project.declined", $"project:{project.Id}",
            $"{ProjectDetails.Summary(project)}{(project.DecisionNote.Length > 0 ? $"; note: {project.DecisionNote}" : "")}");
        return await db.SaveOrRefuseAsync("Another mentor decided this pitch at the same moment; reload to see their decision.", cancellation);
    }
}
