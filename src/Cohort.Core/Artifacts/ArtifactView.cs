using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

public enum AuthorRole
{
    Fellow,
    Mentor,
    Outside,
}

/// <summary>One name of an artifact's byline, as it is cited.</summary>
public sealed record AuthorView(string Name, AuthorRole Role, int? FellowshipId, int? MentorId);

/// <summary>An artifact as pages, the feed and BibTeX show it: its season, stream and byline read out as names.</summary>
public sealed record ArtifactView(
    int Id, int SeasonId, string SeasonSlug, string SeasonName, string StreamSlug, string StreamName, ArtifactKind Kind, string Title, string Abstract,
    string ArxivId, string Doi, string RepositoryUrl, string WebsiteUrl, string Licence, ArtifactState State, bool ShowPublicly,
    DateTime? ConfirmedAt, DateOnly? PublishedOn, int? PdfFileId, DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public IReadOnlyList<AuthorView> Authors { get; init; } = [];

    public bool IsPublic => State != ArtifactState.Draft && ShowPublicly && ConfirmedAt is not null;

    /// <summary>The date a citation gives: the publication day, else the day it was recorded.</summary>
    public DateOnly CitedOn => PublishedOn ?? DateOnly.FromDateTime(CreatedAt);

    /// <summary>A readable tail for its address (<c>/showcase/12/sparse-probes-for-deception</c>); the id alone resolves too.</summary>
    public string Slug => ArtifactViews.SlugOf(Title);

    /// <summary>The byline as one line: "A, B and C".</summary>
    public string Byline => Authors.Count <= 1 ? string.Join("", Authors.Select(a => a.Name))
        : string.Join(", ", Authors.Take(Authors.Count - 1).Select(a => a.Name)) + " and " + Authors[^1].Name;
}

public static class ArtifactViews
{
    /// <summary>The artifacts of <paramref name="query"/> as views, newest first, with their bylines in order.</summary>
    public static async Task<List<ArtifactView>> LoadAsync(CohortDbContext db, IQueryable<Artifact> query, CancellationToken cancellation)
    {
        var artifacts = await query.AsNoTracking()
            .OrderByDescending(a => a.PublishedOn ?? DateOnly.FromDateTime(a.CreatedAt)).ThenByDescending(a => a.Id)
            .Select(a => new ArtifactView(a.Id, a.SeasonId,
                db.Seasons.Where(s => s.Id == a.SeasonId).Select(s => s.Slug).First(), db.Seasons.Where(s => s.Id == a.SeasonId).Select(s => s.Name).First(),
                db.Streams.Where(s => s.Id == a.StreamId).Select(s => s.Slug).First(), db.Streams.Where(s => s.Id == a.StreamId).Select(s => s.Name).First(),
                a.Kind, a.Title, a.Abstract, a.ArxivId, a.Doi, a.RepositoryUrl, a.WebsiteUrl, a.Licence, a.State, a.ShowPublicly,
                a.ConfirmedAt, a.PublishedOn, a.PdfFileId, a.CreatedAt, a.UpdatedAt, a.Version))
            .ToListAsync(cancellation);
        var ids = artifacts.Select(a => a.Id).ToList();
        var authors = await db.ArtifactAuthors.AsNoTracking().Where(x => ids.Contains(x.ArtifactId)).OrderBy(x => x.Position)
            .Select(x => new
            {
                x.ArtifactId, x.FellowshipId, x.MentorId, x.Name,
                Fellow = db.Users.Where(u => db.Fellowships.Any(f => f.Id == x.FellowshipId && f.ApplicantId == u.Id)).Select(u => u.DisplayName).FirstOrDefault(),
                Mentor = db.Mentors.Where(m => m.Id == x.MentorId).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        var bylines = authors.ToLookup(x => x.ArtifactId, x => x.FellowshipId is not null ? new AuthorView(x.Fellow ?? "", AuthorRole.Fellow, x.FellowshipId, null)
            : x.MentorId is not null ? new AuthorView(x.Mentor ?? "", AuthorRole.Mentor, null, x.MentorId)
            : new AuthorView(x.Name, AuthorRole.Outside, null, null));
        return artifacts.Select(a => a with { Authors = bylines[a.Id].ToList() }).ToList();
    }

    public static async Task<ArtifactView?> OneAsync(CohortDbContext db, IQueryable<Artifact> query, int id, CancellationToken cancellation) =>
        (await LoadAsync(db, query.Where(a => a.Id == id), cancellation)).SingleOrDefault();

    public static string SlugOf(string title)
    {
        var words = new string(title.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => c < 128).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);
        return string.Join('-', words);
    }
}
