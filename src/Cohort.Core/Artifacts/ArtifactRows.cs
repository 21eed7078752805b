using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// Which artifacts a read selects; null means any. <see cref="PublicOnly"/> reads through <see cref="Showcase.Public"/>
/// alone: what <c>/api/v1</c> serves. <see cref="Stream"/> is a stream's slug.
/// </summary>
public sealed record ArtifactFilter(bool PublicOnly, int? SeasonId = null, int? StreamId = null, string? Stream = null, ArtifactKind? Kind = null);

/// <summary>An artifact as the showcase reads it (<see cref="ArtifactView"/>: its byline in order), with the mentor who confirmed it.</summary>
public sealed record ArtifactRow(ArtifactView Artifact, int? ConfirmedByMentorId, string? ConfirmedBy);

/// <summary>The one query of artifacts, paged by artifact id: <c>/api/v1/artifacts</c> (public only) and the artifacts export.</summary>
public static class ArtifactRows
{
    public static async Task<IReadOnlyList<ArtifactRow>> PageAsync(CohortDbContext db, ArtifactFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var page = (filter.PublicOnly ? Showcase.Public(db) : db.Artifacts)
            .Where(a => a.Id > afterId && (filter.SeasonId == null || a.SeasonId == filter.SeasonId) && (filter.StreamId == null || a.StreamId == filter.StreamId)
                && (filter.Stream == null || db.Streams.Any(s => s.Id == a.StreamId && s.Slug == filter.Stream)) && (filter.Kind == null || a.Kind == filter.Kind))
            .OrderBy(a => a.Id).Take(take);
        var artifacts = await ArtifactViews.LoadAsync(db, page, cancellation);
        var ids = artifacts.Select(a => a.Id).ToList();
        var confirmers = await db.Artifacts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ConfirmedByMentorId, Name = db.Mentors.Where(m => m.Id == a.ConfirmedByMentorId).Select(m => m.Name).FirstOrDefault() })
            .ToDictionaryAsync(a => a.Id, cancellation);
        return artifacts.OrderBy(a => a.Id).Select(a => new ArtifactRow(a, confirmers[a.Id].ConfirmedByMentorId, confirmers[a.Id].Name)).ToList();
    }
}
