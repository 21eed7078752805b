namespace Cohort.Core.Artifacts;

/// <summary>How kinds and states read in pages, feeds and files: the glossary's words, never the enum's names.</summary>
public static class ArtifactWords
{
    public static string Kind(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Paper => "paper",
        ArtifactKind.EvaluationSuite => "evaluation suite",
        ArtifactKind.OpenSourceTooling => "open-source tooling",
        ArtifactKind.TechnicalReport => "technical report",
        _ => "other",
    };

    public static string State(ArtifactState state) => state switch
    {
        ArtifactState.Draft => "draft",
        ArtifactState.Submitted => "submitted",
        _ => "published",
    };

    /// <summary>The kind as a lower-case word for addresses and filters: paper, evaluation-suite…</summary>
    public static string Slug(ArtifactKind kind) => Kind(kind).Replace(' ', '-');

    public static ArtifactKind? FromSlug(string? slug) =>
        Enum.GetValues<ArtifactKind>().Cast<ArtifactKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);
}
