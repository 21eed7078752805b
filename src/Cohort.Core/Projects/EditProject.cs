using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>A mentor of the stream changes an approved project's title, description, capacity or mentors, or withdraws it.</summary>
public sealed class EditProject(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public const string NoSuchProject = "There is no such project in your streams.";

    public async Task<string?> RunAsync(Actor mentor, int projectId, ProjectDetails details, CancellationToken cancellation = default)
    {
        var project = await ProjectScope.OfMentorAsync(db, mentor, projectId, cancellation);
        var refusal = project switch
        {
            null => NoSuchProject,
            { State: not ProjectState.Approved } => $"This project is {project.State.ToString().ToLowerInvariant()}; only an approved project can be edited.",
            _ => details.Problem(await ProjectScope.StreamMentorIdsAsync(db, project.StreamId, cancellation))
                ?? (await SettledOnAsync(project, cancellation) is var settled && details.Capacity < settled
                    ? $"{settled} fellows have this project in a published assignment, so its capacity cannot go below {settled}. Nothing was saved."
                    : null),
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var before = ProjectDetails.Summary(project!);
        details.ApplyTo(project!, clock.GetUtcNow().UtcDateTime);
        audit.Record(mentor, "project.edited", $"project:{projectId}", $"before: {before}; after: {ProjectDetails.Summary(project!)}");
        return await SaveAsync(cancellation);
    }

    /// <summary>Takes an approved project out of the stream: fellows no longer see or rank it, and the assignment skips it.</summary>
    public async Task<string?> WithdrawAsync(Actor mentor, int projectId, CancellationToken cancellation = default)
    {
        var project = await ProjectScope.OfMentorAsync(db, mentor, projectId, cancellation);
        var refusal = project switch
        {
            null => NoSuchProject,
            { State: not ProjectState.Approved } => $"This project is {project.State.ToString().ToLowerInvariant()}; only an approved project can be withdrawn.",
            _ when await SettledOnAsync(project, cancellation) > 0 => "Fellows have this project in a published assignment, so it cannot be withdrawn. Nothing was saved.",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        project!.State = ProjectState.Withdrawn;
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(mentor, "project.withdrawn", $"project:{projectId}", ProjectDetails.Summary(project));
        return await SaveAsync(cancellation);
    }

    private async Task<int> SettledOnAsync(Project project, CancellationToken cancellation) =>
        PublishedAssignments.PlacesTaken(await PublishedAssignments.SettledAsync(db, project.StreamId, cancellation)).GetValueOrDefault(project.Id);

    private Task<string?> SaveAsync(CancellationToken cancellation) =>
        db.SaveOrRefuseAsync("Another mentor changed this project at the same moment; reload to see their version.", cancellation);
}
