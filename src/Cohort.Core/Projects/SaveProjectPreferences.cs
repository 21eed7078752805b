using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// A mentor of a project saves the project's one list of preferences over the stream's fellows as a whole, as a
/// stream's preferences are saved: ranked fellows in order, then those marked not acceptable; a fellow with neither is left out.
/// </summary>
public sealed class SaveProjectPreferences(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor mentor, int projectId, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation = default)
    {
        var project = await ProjectScope.OfMentorAsync(db, mentor, projectId, cancellation);
        if (project is null)
        {
            return EditProject.NoSuchProject;
        }

        var mentorIds = project.Mentors.Select(m => m.MentorId).ToList();
        var fellows = await Fellows.Of(db, project.StreamId).Select(o => o.StreamApplicationId).ToListAsync(cancellation);
        var problem = project.State != ProjectState.Approved ? "Only an approved project ranks fellows."
            : !await db.Mentors.AnyAsync(m => m.UserId == mentor.UserId && mentorIds.Contains(m.Id), cancellation) ? "Only the project's own mentors rank fellows for it."
            : PreferenceRules.Check(rows, fellows.ToHashSet(), "The ranking names someone who is not a fellow of this stream.");
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = await db.ProjectPreferences.Where(e => e.ProjectId == projectId).ToListAsync(cancellation);
        var after = PreferenceRules.InStoredOrder(rows).Select((r, index) => new ProjectPreference
        {
            ProjectId = projectId, StreamApplicationId = r.StreamApplicationId, Position = index + 1, NotAcceptable = r.NotAcceptable,
            UpdatedAt = now, UpdatedById = mentor.UserId!,
        }).ToList();
        db.ProjectPreferences.RemoveRange(before);
        db.ProjectPreferences.AddRange(after);
        audit.Record(mentor, "project-ranking.saved", $"project:{projectId}", $"before: {Summary(before)}; after: {Summary(after)}");
        return await db.SaveOrRefuseAsync("Another mentor saved this project's ranking at the same moment; reload to see their version, then save yours again.", cancellation);
    }

    private static string Summary(IEnumerable<ProjectPreference> entries) =>
        PreferenceRules.Summary(entries.Select(e => (e.StreamApplicationId, (int?)e.Position, e.NotAcceptable)));
}
