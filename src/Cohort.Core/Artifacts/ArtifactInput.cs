namespace Cohort.Core.Artifacts;

/// <summary>
/// What a fellow types to record or edit an artifact, as typed: <see cref="ArtifactRules"/> checks and normalises it.
/// <see cref="Authors"/> is the byline in order; <see cref="Pdf"/> is a new PDF to attach (null keeps the current one,
/// unless <see cref="RemovePdf"/>).
/// </summary>
public sealed record ArtifactInput
{
    public ArtifactKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public IReadOnlyList<AuthorChoice> Authors { get; init; } = [];
    public string Arxiv { get; init; } = "";
    public string Doi { get; init; } = "";
    public string RepositoryUrl { get; init; } = "";
    public string WebsiteUrl { get; init; } = "";
    public string Licence { get; init; } = "";
    public ArtifactState State { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public bool ShowPublicly { get; init; }
    public PdfUpload? Pdf { get; init; }
    public bool RemovePdf { get; init; }

    /// <summary>The artifact's version the form was filled from, so an edit never overwrites a co-author's unseen change; null when recording.</summary>
    public int? Version { get; init; }
}

/// <summary>One author of the byline: a fellow of the season, a mentor of the season, or an outsider named in full.</summary>
public sealed record AuthorChoice(int? FellowshipId, int? MentorId, string Name)
{
    public static AuthorChoice Fellow(int fellowshipId) => new(fellowshipId, null, "");

    public static AuthorChoice OfMentor(int mentorId) => new(null, mentorId, "");

    public static AuthorChoice Outsider(string name) => new(null, null, name);
}

/// <summary>A PDF as uploaded: the name the browser gave and its content, read once.</summary>
public sealed record PdfUpload(string FileName, Stream Content);

/// <summary>The outcome of recording or editing: the artifact's id, or the problems, each keyed by the input's field ("" for the form as a whole).</summary>
public sealed record ArtifactOutcome(int? Id, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ArtifactOutcome Refused(string problem) => new(null, new Dictionary<string, string> { [""] = problem });
}
