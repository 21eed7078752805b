using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;

namespace Cohort.Core.Pipeline;

/// <summary>
/// An applicant's place in a stage that has no form of its own (the assessments, an extension): created when the
/// stage before advances them, Submitted while it awaits a decision, then decided like an application.
/// </summary>
public class StageEntry : StageRecord
{
    public int StageId { get; set; }
    public Stage? Stage { get; set; }
}

/// <summary>
/// The entries of the assessment stage. The general application is the season's, not a track's, so advancing it
/// enters the applicant at the assessment stage of every track of the season that has one (in practice one), and a
/// decision moves all of them: the pipeline shows and decides one row per applicant, keyed by the general application.
/// </summary>
public static class AssessmentEntries
{
    public static IQueryable<StageEntry> All(CohortDbContext db) => db.StageEntries.Where(e => e.Stage!.Kind == StageKind.Assessment);

    public static IQueryable<StageEntry> Of(CohortDbContext db, int seasonId) => All(db).Where(e => e.Stage!.Track!.SeasonId == seasonId);

    /// <summary>The ids of the season's assessment stages, where an advanced applicant is entered.</summary>
    public static IQueryable<int> StagesOf(CohortDbContext db, int seasonId) =>
        db.Stages.Where(s => s.Kind == StageKind.Assessment && s.Track!.SeasonId == seasonId).Select(s => s.Id);

    /// <summary>
    /// Puts the applicant in <paramref name="state"/> at each of <paramref name="stageIds"/>, adding the entries
    /// <paramref name="existing"/> (theirs, tracked) lacks; the caller saves.
    /// </summary>
    public static void Place(CohortDbContext db, IReadOnlyCollection<StageEntry> existing, IEnumerable<int> stageIds, string applicantId, ApplicationState state, DateTime now)
    {
        foreach (var stageId in stageIds)
        {
            if (existing.FirstOrDefault(e => e.StageId == stageId) is { } entry)
            {
                (entry.State, entry.UpdatedAt) = (state, now);
            }
            else
            {
                db.StageEntries.Add(new StageEntry { StageId = stageId, ApplicantId = applicantId, State = state, CreatedAt = now, UpdatedAt = now });
            }
        }
    }
}
