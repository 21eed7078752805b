using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Artifacts;

/// <summary>
/// Writes a checked input into an artifact, and tells whether what the showcase shows of it changed: a confirmation is
/// of the content the mentor read, so new content needs a new one (plan-17, docs/decisions/showcase.md).
/// </summary>
public static class ArtifactContent
{
    /// <summary>Applies <paramref name="input"/>; true when its public content (everything but state and visibility) changed.</summary>
    public static bool Apply(CohortDbContext db, Artifact artifact, CheckedArtifact input, string uploaderId, DateTime now)
    {
        var before = Summary(artifact);
        (artifact.Kind, artifact.Title, artifact.Abstract) = (input.Kind, input.Title, input.Abstract);
        (artifact.ArxivId, artifact.Doi, artifact.RepositoryUrl, artifact.WebsiteUrl) = (input.ArxivId, input.Doi, input.RepositoryUrl, input.WebsiteUrl);
        (artifact.Licence, artifact.State, artifact.PublishedOn, artifact.ShowPublicly) = (input.Licence, input.State, input.PublishedOn, input.ShowPublicly);
        artifact.UpdatedAt = now;
        ApplyAuthors(db, artifact, input.Authors);

        var pdfChanged = input.Pdf is not null || (input.RemovePdf && artifact.PdfFileId is not null);
        if (pdfChanged && artifact.PdfFileId is { } replaced)
        {
            // Only this artifact points at the old PDF: kept, it would be a file nobody can reach. Removed in the same
            // save without reading its bytes back.
            artifact.PdfFileId = null;
            db.Remove(new StoredFile { Id = replaced, OwnerId = "", FileName = "", ContentType = "", Content = [] });
        }

        if (input.Pdf is var (fileName, bytes))
        {
            artifact.Pdf = new StoredFile { OwnerId = uploaderId, FileName = fileName, ContentType = "application/pdf", Length = bytes.Length, Content = bytes, UploadedAt = now };
        }

        if (input.State == ArtifactState.Draft)
        {
            // A draft is never confirmed: the authors are still writing it.
            Unconfirm(artifact);
        }

        return pdfChanged || before != Summary(artifact);
    }

    public static void Unconfirm(Artifact artifact) => (artifact.ConfirmedAt, artifact.ConfirmedByMentorId) = (null, null);

    /// <summary>The public content in one line, for comparing and for the audit log.</summary>
    public static string Summary(Artifact artifact) =>
        $"{ArtifactWords.Kind(artifact.Kind)} “{artifact.Title}”; abstract {artifact.Abstract.Length} characters; authors "
        + string.Join(", ", artifact.Authors.OrderBy(a => a.Position).Select(a => a.FellowshipId is { } f ? $"fellowship:{f}" : a.MentorId is { } m ? $"mentor:{m}" : a.Name))
        + $"; arXiv {Or(artifact.ArxivId)}; DOI {Or(artifact.Doi)}; repository {Or(artifact.RepositoryUrl)}; website {Or(artifact.WebsiteUrl)}; licence {artifact.Licence}; "
        + $"published {artifact.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; abstract hash {Hash(artifact.Abstract)}";

    /// <summary>Rewrites the byline in place, row by position, so the unique (artifact, position) index never sees two rows at once.</summary>
    private static void ApplyAuthors(CohortDbContext db, Artifact artifact, IReadOnlyList<AuthorChoice> authors)
    {
        var rows = artifact.Authors.OrderBy(a => a.Position).ToList();
        for (var i = 0; i < authors.Count; i++)
        {
            var row = i < rows.Count ? rows[i] : new ArtifactAuthor { Position = i + 1 };
            (row.FellowshipId, row.MentorId, row.Name) = (authors[i].FellowshipId, authors[i].MentorId, authors[i].Name);
            if (i >= rows.Count)
            {
                artifact.Authors.Add(row);
            }
        }

        foreach (var extra in rows.Skip(authors.Count))
        {
            artifact.Authors.Remove(extra);
            db.Remove(extra);
        }
    }

    private static string Or(string value) => value.Length == 0 ? "-" : value;

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
}
