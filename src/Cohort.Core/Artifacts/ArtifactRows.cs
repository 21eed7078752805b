using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// Which artifacts a read selects; null means any. <see cref="PublicOnly"/> reads through <see cref="Showcase.Public"/>
/// alone: what <c>/api/v1</c> serves. <see cref="Stream"/> is a stream's slug.
/// </summary>
public sealed record ArtifactFilter(bool PublicOnly, int? SeasonId = null, int? StreamId = null, string? Stream = null, ArtifactKind? Kind = null);

/// <summary>
/// One author in byline order: a fellow (their fellowship, and their account for views that may name them), a mentor
/// of the season, or an outsider; <see cref="Name"/> is the name the byline prints.
/// </summary>
public sealed record ArtifactAuthorRow(int Position, int? FellowshipId, string? ApplicantId, int? MentorId, string Name);

/// <summary>An artifact with its byline, identifiers and links, its state and who confirmed it.</summary>
public sealed record ArtifactRow(
    int Id, int SeasonId, string Season, int StreamId, string StreamSlug, string Stream, ArtifactKind Kind, string Title, string Abstract,
    IReadOnlyList<ArtifactAuthorRow> Authors, string ArxivId, string Doi, string RepositoryUrl, string WebsiteUrl, bool HasPdf, string Licence,
    ArtifactState State, bool ShowPublicly, DateOnly? PublishedOn, int? ConfirmedByMentorId, string? ConfirmedBy, DateTime? ConfirmedAt, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The one query of artifacts, paged by artifact id: <c>/api/v1/artifacts</c> (public only) and the artifacts export.</summary>
public static class ArtifactRows
{
    public static async Task<IReadOnlyList<ArtifactRow>> PageAsync(CohortDbContext db, ArtifactFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var rows = await (filter.PublicOnly ? Showcase.Public(db) : db.Artifacts).AsNoTracking()
            .Where(a => a.Id > afterId && (filter.SeasonId == null || a.SeasonId == filter.SeasonId) && (filter.StreamId == null || a.StreamId == filter.StreamId)
                && (filter.Stream == null || db.Streams.Any(s => s.Id == a.StreamId && s.Slug == filter.Stream)) && (filter.Kind == null || a.Kind == filter.Kind))
            .OrderBy(a => a.Id).Take(take)
            .Select(a => new
            {
                Artifact = a,
                Season = db.Seasons.Where(s => s.Id == a.SeasonId).Select(s => s.Slug).First(),
                Stream = db.Streams.Where(s => s.Id == a.StreamId).Select(s => new { s.Slug, s.Name }).First(),
                ConfirmedBy = db.Mentors.Where(m => m.Id == a.ConfirmedByMentorId).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        var ids = rows.Select(r => r.Artifact.Id).ToList();
        var authors = (await db.ArtifactAuthors.AsNoTracking().Where(a => ids.Contains(a.ArtifactId))
                .Select(a => new
                {
                    a.ArtifactId, a.Position, a.FellowshipId, a.MentorId, a.Name,
                    ApplicantId = db.Fellowships.Where(f => f.Id == a.FellowshipId).Select(f => f.ApplicantId).FirstOrDefault(),
                    Fellow = db.Fellowships.Where(f => f.Id == a.FellowshipId).SelectMany(f => db.Users.Where(u => u.Id == f.ApplicantId)).Select(u => u.DisplayName).FirstOrDefault(),
                    Mentor = db.Mentors.Where(m => m.Id == a.MentorId).Select(m => m.Name).FirstOrDefault(),
                })
                .ToListAsync(cancellation))
            .GroupBy(a => a.ArtifactId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Position)
                .Select(a => new ArtifactAuthorRow(a.Position, a.FellowshipId, a.ApplicantId, a.MentorId, a.Fellow ?? a.Mentor ?? a.Name)).ToList());

        return rows.Select(r =>
        {
            var a = r.Artifact;
            return new ArtifactRow(
                a.Id, a.SeasonId, r.Season, a.StreamId, r.Stream.Slug, r.Stream.Name, a.Kind, a.Title, a.Abstract, authors.GetValueOrDefault(a.Id) ?? [],
                a.ArxivId, a.Doi, a.RepositoryUrl, a.WebsiteUrl, a.PdfFileId is not null, a.Licence, a.State, a.ShowPublicly, a.PublishedOn,
                a.ConfirmedByMentorId, r.ConfirmedBy, a.ConfirmedAt, a.CreatedAt, a.UpdatedAt);
        }).ToList();
    }
}
