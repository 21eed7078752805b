using Cohort.Core.Data;

namespace Cohort.Core.Artifacts;

/// <summary>
/// The public showcase rule, in one place: an artifact is public when it is past its draft, its authors chose to show
/// it, and a mentor of its stream confirmed it. Everything that serves artifacts outside the programme (the showcase,
/// its feed, <c>/api/v1/artifacts</c>) reads through this query and nothing else.
/// </summary>
public static class Showcase
{
    public static IQueryable<Artifact> Public(CohortDbContext db) =>
        db.Artifacts.Where(a => a.State != ArtifactState.Draft && a.ShowPublicly && a.ConfirmedAt != null);
}
