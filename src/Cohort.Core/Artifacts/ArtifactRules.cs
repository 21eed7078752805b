using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>An artifact's input once checked: identifiers and links in their stored form, the PDF's bytes read.</summary>
public sealed record CheckedArtifact(
    ArtifactKind Kind, string Title, string Abstract, IReadOnlyList<AuthorChoice> Authors, string ArxivId, string Doi,
    string RepositoryUrl, string WebsiteUrl, string Licence, ArtifactState State, DateOnly? PublishedOn, bool ShowPublicly,
    (string FileName, byte[] Bytes)? Pdf, bool RemovePdf);

/// <summary>
/// The one check behind recording and editing an artifact: every field's problem at once, each keyed by the input's
/// field name so the page shows it beside the field, and nothing written while any remains.
/// </summary>
public static class ArtifactRules
{
    public const int MaxAuthors = 50;

    public static async Task<(CheckedArtifact? Checked, Dictionary<string, string> Problems)> CheckAsync(
        CohortDbContext db, ArtifactInput input, int seasonId, int editorFellowshipId, CancellationToken cancellation)
    {
        var problems = new Dictionary<string, string>();
        var title = input.Title.Trim();
        if (title.Length == 0)
        {
            problems[nameof(input.Title)] = "Give the artifact a title.";
        }
        else if (title.Length > Artifact.MaxTitleLength)
        {
            problems[nameof(input.Title)] = $"The title is {title.Length} characters long; at most {Artifact.MaxTitleLength} fit.";
        }

        var @abstract = input.Abstract.Trim();
        if (@abstract.Length > Artifact.MaxAbstractLength)
        {
            problems[nameof(input.Abstract)] = $"The abstract is {@abstract.Length} characters long; at most {Artifact.MaxAbstractLength} fit.";
        }

        if (!Enum.IsDefined(input.Kind))
        {
            problems[nameof(input.Kind)] = "Choose the kind of artifact.";
        }

        if (!Enum.IsDefined(input.State))
        {
            problems[nameof(input.State)] = "Choose the artifact's state: draft, submitted or published.";
        }

        var (arxiv, arxivProblem) = ArtifactLinks.Arxiv(input.Arxiv);
        var (doi, doiProblem) = ArtifactLinks.Doi(input.Doi);
        var (repository, repositoryProblem) = ArtifactLinks.WebAddress(input.RepositoryUrl, "repository link");
        var (website, websiteProblem) = ArtifactLinks.WebAddress(input.WebsiteUrl, "website link");
        Add(problems, nameof(input.Arxiv), arxivProblem);
        Add(problems, nameof(input.Doi), doiProblem);
        Add(problems, nameof(input.RepositoryUrl), repositoryProblem);
        Add(problems, nameof(input.WebsiteUrl), websiteProblem);

        if (!Licences.IsKnown(input.Licence))
        {
            problems[nameof(input.Licence)] = "Choose a licence from the list, or “Another licence”.";
        }

        if (input.State == ArtifactState.Published && input.PublishedOn is null)
        {
            problems[nameof(input.PublishedOn)] = "Give the day it was published: citations need it.";
        }

        var authors = input.Authors.Where(a => a.FellowshipId is not null || a.MentorId is not null || a.Name.Trim().Length > 0)
            .Select(a => a with { Name = a.FellowshipId is null && a.MentorId is null ? a.Name.Trim() : "" }).ToList();
        Add(problems, nameof(input.Authors), await AuthorsProblemAsync(db, authors, seasonId, editorFellowshipId, cancellation));

        (string, byte[])? pdf = null;
        if (input.Pdf is { } upload)
        {
            var (bytes, problem) = await PdfContent.ReadAsync(upload.Content, cancellation);
            if (bytes is null)
            {
                problems[nameof(input.Pdf)] = problem!;
            }
            else
            {
                pdf = (StoreUpload.SafeName(upload.FileName, "artifact.pdf"), bytes);
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new CheckedArtifact(input.Kind, title, @abstract, authors, arxiv, doi, repository, website, input.Licence, input.State,
            input.State == ArtifactState.Published ? input.PublishedOn : null, input.ShowPublicly, pdf, input.RemovePdf && pdf is null), problems);
    }

    private static async Task<string?> AuthorsProblemAsync(CohortDbContext db, List<AuthorChoice> authors, int seasonId, int editorFellowshipId, CancellationToken cancellation)
    {
        if (authors.Count > MaxAuthors)
        {
            return $"An artifact has at most {MaxAuthors} authors here; name the others in the abstract.";
        }

        if (authors.Any(a => a.FellowshipId is not null && a.MentorId is not null))
        {
            return "Each line of the byline names one person.";
        }

        if (authors.FirstOrDefault(a => a.Name.Length > ArtifactAuthor.MaxNameLength) is { } longName)
        {
            return $"“{longName.Name[..40]}…” is too long for a name: at most {ArtifactAuthor.MaxNameLength} characters.";
        }

        if (authors.All(a => a.FellowshipId != editorFellowshipId))
        {
            return "You are among the authors of what you record: keep yourself in the byline.";
        }

        var fellows = authors.Where(a => a.FellowshipId is not null).Select(a => a.FellowshipId!.Value).ToList();
        var mentors = authors.Where(a => a.MentorId is not null).Select(a => a.MentorId!.Value).ToList();
        var outsiders = authors.Where(a => a.FellowshipId is null && a.MentorId is null).Select(a => a.Name).ToList();
        if (fellows.Distinct().Count() < fellows.Count || mentors.Distinct().Count() < mentors.Count
            || outsiders.Distinct(StringComparer.OrdinalIgnoreCase).Count() < outsiders.Count)
        {
            return "Someone is named twice in the byline; name each author once.";
        }

        var knownFellows = await db.Fellowships.CountAsync(f => f.SeasonId == seasonId && fellows.Contains(f.Id), cancellation);
        var knownMentors = await db.Mentors.CountAsync(m => m.SeasonId == seasonId && mentors.Contains(m.Id), cancellation);
        return knownFellows == fellows.Count && knownMentors == mentors.Count
            ? null
            : "Pick co-fellows and mentors from the lists: they are this season's. Name anyone else in full as an outside author.";
    }

    private static void Add(Dictionary<string, string> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems[field] = problem;
        }
    }
}
