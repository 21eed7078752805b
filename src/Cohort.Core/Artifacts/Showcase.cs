using Cohort.Core.Data;

namespace Cohort.Core.Artifacts;

/// <summary>
/// The public showcase's one rule, used by every public surface (the pages, the feed, BibTeX, the PDF, the API): an
/// artifact is public when it is no longer a draft, its authors chose to show it, and a mentor confirmed it.
/// </summary>
public static class Showcase
{
    public static IQueryable<Artifact> Public(CohortDbContext db) =>
        db.Artifacts.Where(a => a.State != ArtifactState.Draft && a.ShowPublicly && a.ConfirmedAt != null);

    /// <summary>The public artifacts narrowed by the showcase's filters, each optional: a season's slug, a stream's slug (the same stream across seasons), a kind.</summary>
    public static IQueryable<Artifact> Filtered(CohortDbContext db, string? season, string? stream, ArtifactKind? kind) =>
        Public(db).Where(a => (season == null || db.Seasons.Any(s => s.Id == a.SeasonId && s.Slug == season))
            && (stream == null || db.Streams.Any(s => s.Id == a.StreamId && s.Slug == stream))
            && (kind == null || a.Kind == kind));
}
