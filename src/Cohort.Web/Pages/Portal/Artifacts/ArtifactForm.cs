using System.ComponentModel.DataAnnotations;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Portal.Artifacts;

/// <summary>The artifact form as posted. Fields are plain strings where the check is Core's, so a bad value is explained there, beside its field.</summary>
public sealed class ArtifactForm
{
    /// <summary>Blank byline rows under the filled ones, so authors can be added without JavaScript; saving and editing again gives more.</summary>
    public const int SpareAuthorRows = 4;

    [Display(Name = "Kind")]
    public ArtifactKind Kind { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Abstract")]
    public string? Abstract { get; set; }

    public List<AuthorRow> Authors { get; set; } = [];

    [Display(Name = "arXiv identifier")]
    public string? Arxiv { get; set; }

    [Display(Name = "DOI")]
    public string? Doi { get; set; }

    [Display(Name = "Repository")]
    public string? RepositoryUrl { get; set; }

    [Display(Name = "Website")]
    public string? WebsiteUrl { get; set; }

    [Display(Name = "Licence")]
    public string Licence { get; set; } = "CC-BY-4.0";

    [Display(Name = "State")]
    public ArtifactState State { get; set; }

    [Display(Name = "Published on")]
    public DateOnly? PublishedOn { get; set; }

    [Display(Name = "Show it on the public showcase once a mentor confirms it")]
    public bool ShowPublicly { get; set; } = true;

    [Display(Name = "PDF (optional)")]
    public IFormFile? Pdf { get; set; }

    [Display(Name = "Remove the attached PDF")]
    public bool RemovePdf { get; set; }

    public int? Version { get; set; }

    public ArtifactInput ToInput() => new()
    {
        Kind = Kind, Title = Title ?? "", Abstract = Abstract ?? "", Authors = Authors.Select(a => a.ToChoice()).ToList(),
        Arxiv = Arxiv ?? "", Doi = Doi ?? "", RepositoryUrl = RepositoryUrl ?? "", WebsiteUrl = WebsiteUrl ?? "", Licence = Licence,
        State = State, PublishedOn = PublishedOn, ShowPublicly = ShowPublicly, RemovePdf = RemovePdf, Version = Version,
        Pdf = Pdf is { Length: > 0 } file ? new PdfUpload(file.FileName, file.OpenReadStream()) : null,
    };

    public static ArtifactForm From(ArtifactView artifact) => new()
    {
        Kind = artifact.Kind, Title = artifact.Title, Abstract = artifact.Abstract,
        Authors = artifact.Authors.Select(AuthorRow.From).ToList(),
        Arxiv = artifact.ArxivId, Doi = artifact.Doi, RepositoryUrl = artifact.RepositoryUrl, WebsiteUrl = artifact.WebsiteUrl,
        Licence = artifact.Licence, State = artifact.State, PublishedOn = artifact.PublishedOn, ShowPublicly = artifact.ShowPublicly, Version = artifact.Version,
    };

    /// <summary>The byline's rows plus blank ones to fill.</summary>
    public void AddSpareRows()
    {
        var filled = Authors.Where(a => !a.IsBlank).ToList();
        Authors = [.. filled, .. Enumerable.Range(0, SpareAuthorRows).Select(_ => new AuthorRow())];
    }
}

/// <summary>
/// One row of the byline: a co-fellow or mentor picked from the list (<see cref="Who"/> is "f12" or "m3"), or else an
/// outside author's name typed in full.
/// </summary>
public sealed class AuthorRow
{
    public string? Who { get; set; }

    public string? Name { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Who) && string.IsNullOrWhiteSpace(Name);

    public static string FellowKey(int fellowshipId) => $"f{fellowshipId}";

    public static string MentorKey(int mentorId) => $"m{mentorId}";

    public AuthorChoice ToChoice() => Who switch
    {
        ['f', .. var id] when int.TryParse(id, out var fellowship) => AuthorChoice.Fellow(fellowship),
        ['m', .. var id] when int.TryParse(id, out var mentor) => AuthorChoice.OfMentor(mentor),
        _ => AuthorChoice.Outsider(Name ?? ""),
    };

    public static AuthorRow From(AuthorView author) => author.Role switch
    {
        AuthorRole.Fellow => new AuthorRow { Who = FellowKey(author.FellowshipId!.Value) },
        AuthorRole.Mentor => new AuthorRow { Who = MentorKey(author.MentorId!.Value) },
        _ => new AuthorRow { Name = author.Name },
    };
}
