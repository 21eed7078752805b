using Cohort.Core.Data;

namespace Cohort.Core.Artifacts;

/// <summary>
/// Something fellows produced during the programme: a paper, an evaluation suite, open-source tooling, a technical
/// report. It belongs to every fellow among its authors. It reaches the public showcase only when its authors chose to
/// show it and a mentor of its stream confirmed it.
/// </summary>
public class Artifact : IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxAbstractLength = 5000;
    public const int MaxLinkLength = 2000;
    public const int MaxIdentifierLength = 200;

    public int Id { get; set; }
    public int SeasonId { get; set; }

    /// <summary>The stream of the fellow who recorded it: the mentors who may confirm it, and its place on the showcase.</summary>
    public int StreamId { get; set; }

    public ArtifactKind Kind { get; set; }
    public required string Title { get; set; }
    public string Abstract { get; set; } = "";

    /// <summary>An arXiv identifier such as 2601.01234 (no "arXiv:" prefix, no version); empty when there is none.</summary>
    public string ArxivId { get; set; } = "";

    /// <summary>A DOI such as 10.5555/cohort.2026.7 (no resolver prefix); empty when there is none.</summary>
    public string Doi { get; set; } = "";

    public string RepositoryUrl { get; set; } = "";
    public string WebsiteUrl { get; set; } = "";
    public int? PdfFileId { get; set; }

    /// <summary>The attached PDF, to set when a new one is uploaded in the same save; not loaded otherwise.</summary>
    public Applications.StoredFile? Pdf { get; set; }

    /// <summary>An SPDX licence identifier (CC-BY-4.0, MIT, Apache-2.0…).</summary>
    public string Licence { get; set; } = "";

    public ArtifactState State { get; set; }

    /// <summary>The authors' choice to show it on the public showcase once confirmed.</summary>
    public bool ShowPublicly { get; set; }

    /// <summary>The mentor of the stream who confirmed it; null until then.</summary>
    public int? ConfirmedByMentorId { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    /// <summary>The day it was published, for citations; null until it is.</summary>
    public DateOnly? PublishedOn { get; set; }

    public required string RecordedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ArtifactAuthor> Authors { get; } = [];
}

public enum ArtifactKind
{
    Paper,
    EvaluationSuite,
    OpenSourceTooling,
    TechnicalReport,
    Other,
}

public enum ArtifactState
{
    Draft,
    Submitted,
    Published,
}
