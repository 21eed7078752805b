namespace Cohort.Core.Catalogue;

/// <summary>
/// What a <see cref="Stage"/> is for, which is how code finds it (never by its position): the general application,
/// the assessments (each applicant's place on a <see cref="Pipeline.StageEntry"/>), the applications to individual
/// streams with their follow-ups, or a later phase for fellows.
/// </summary>
public enum StageKind
{
    General,
    Assessment,
    Streams,
    Extension,
}

/// <summary>The one place where stage kinds meet the words addresses and records name them by.</summary>
public static class StageKinds
{
    /// <summary>The kinds an admin decides and reviews, each with its pipeline and score pages, in selection order.</summary>
    public static readonly IReadOnlyList<StageKind> Selection = [StageKind.General, StageKind.Assessment, StageKind.Streams];

    /// <summary>The kind as addresses (/admin/pipeline/assessments) and audit entries name it.</summary>
    public static string Slug(StageKind kind) => kind == StageKind.Assessment ? "assessments" : kind.ToString().ToLowerInvariant();

    /// <summary>The kind as the catalogue file writes it: "general", "assessment", "streams" or "extension".</summary>
    public static string Name(StageKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind a catalogue file (or an admin form) names, or null when it names none.</summary>
    public static StageKind? Named(string? name) =>
        Enum.GetValues<StageKind>().Where(k => Name(k) == name).Select(k => (StageKind?)k).FirstOrDefault();

    /// <summary>The selection kind an address names, or null when it names none.</summary>
    public static StageKind? FromSlug(string? slug) =>
        Selection.Where(k => string.Equals(Slug(k), slug, StringComparison.OrdinalIgnoreCase)).Select(k => (StageKind?)k).FirstOrDefault();
}
