using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// A fellow orders the approved projects of their stream they would take, best first, replacing their preferences as a
/// whole. A project left without a rank is one they would not take: the assignment never places them there.
/// </summary>
public sealed class SaveFellowProjectPreferences(CohortDbContext db, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor fellow, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation = default)
    {
        var place = await Fellows.PlaceOf(db, fellow.UserId ?? "").SingleOrDefaultAsync(cancellation);
        if (place is null)
        {
            return "Only a fellow of a stream can rank its projects.";
        }

        var approved = await db.Projects.Where(p => p.StreamId == place.StreamId && p.State == ProjectState.Approved).Select(p => p.Id).ToListAsync(cancellation);
        var problem = (await PublishedAssignments.SettledAsync(db, place.StreamId, cancellation)).GetValueOrDefault(place.ApplicantId) is { } settled
            ? $"Your project is settled: \"{settled.Stream}\". Your ranking is closed, and nothing was saved."
            : PreferenceRules.Check(rows, approved.ToHashSet(), "The ranking names a project that is not an approved project of your stream.");
        if (problem is not null)
        {
            return problem;
        }

        var before = await db.FellowProjectPreferences.Where(r => r.ApplicantId == place.ApplicantId).ToListAsync(cancellation);
        var after = rows.Where(r => r.Position is not null)
            .Select(r => new FellowProjectPreference { ApplicantId = place.ApplicantId, ProjectId = r.StreamApplicationId, Position = r.Position!.Value }).ToList();
        db.FellowProjectPreferences.RemoveRange(before);
        db.FellowProjectPreferences.AddRange(after);
        audit.Record(fellow, "project-ranking.fellow-saved", $"stream:{place.StreamId}", $"before: {Summary(before)}; after: {Summary(after)}");
        return await db.SaveOrRefuseAsync("Your ranking was saved from another tab at the same moment; reload to see it.", cancellation);
    }

    private static string Summary(IEnumerable<FellowProjectPreference> preferences) =>
        PreferenceRules.Summary(preferences.Select(r => (r.ProjectId, (int?)r.Position, false)));
}
