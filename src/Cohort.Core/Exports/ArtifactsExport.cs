using Cohort.Core.Api;
using Cohort.Core.Artifacts;
using Cohort.Core.Data;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>artifacts</c>: one row per artifact of the season, from <see cref="ArtifactRows"/>, with its byline, identifiers,
/// links, licence, state and confirmation. The admin page and the CLI export every artifact, drafts included, with its
/// state; through <c>/api/v1</c> (<see cref="ExportRequest.OverApi"/>) only the showcase's (<see cref="Showcase.Public"/>).
/// The blind view names a fellow among the authors by their fellowship ("fellowship 12"); mentors and outside authors
/// keep their names, which are not applicants'.
/// </summary>
public sealed class ArtifactsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "artifacts";
    public override string Title => "Artifacts with their authors and states";

    /// <summary>The showcase is public, so its export is read with the catalogue's scope, as <c>/api/v1/artifacts</c> is.</summary>
    public override string Scope => ApiScopes.CatalogueRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new ArtifactFilter(request.OverApi, request.SeasonId, request.StreamId);
        var artifacts = await ExportPages.AllAsync((after, take) => ArtifactRows.PageAsync(db, filter, after, take, cancellation), a => a.Artifact.Id);
        var identified = request.View == ExportView.Identified;
        string[] columns =
        [
            "artifact_id", "season", "stream", "kind", "title", "authors", "arxiv", "doi", "repository", "website", "pdf", "licence", "state", "show_publicly",
            "published_on", "confirmed_by", "confirmed_at", "created_at", "updated_at",
        ];
        return new ExportRows(columns, artifacts.Select(row =>
        {
            var a = row.Artifact;
            return (object?[])
            [
                a.Id, a.SeasonSlug, a.StreamSlug, a.Kind.ToString(), a.Title,
                string.Join("; ", a.Authors.Select(author => identified || author.Role != AuthorRole.Fellow ? author.Name : $"fellowship {author.FellowshipId}")),
                a.ArxivId, a.Doi, a.RepositoryUrl, a.WebsiteUrl, a.PdfFileId is not null, a.Licence, a.State.ToString(), a.ShowPublicly, a.PublishedOn, row.ConfirmedBy,
                a.ConfirmedAt, a.CreatedAt, a.UpdatedAt,
            ];
        }).ToList());
    }
}
