using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;

namespace Cohort.Core.Assessments;

/// <summary>
/// An assessment: its items, the window in which it can be taken and, optionally, a time limit that starts when an
/// applicant opens it. Either a stage 2 assessment of a track (research taste, technical implementation), or a
/// stage 3 follow-up of one stream that the stream's mentors set; both are taken, timed and scored the same way.
/// </summary>
public class Assessment : IVersioned
{
    public int Id { get; set; }

    /// <summary>The track it belongs to; for a stream's assessment, always the stream's track, so the season is found the same way.</summary>
    public int TrackId { get; set; }

    public Track? Track { get; set; }

    /// <summary>Set for a stream's follow-up assessment, which only applicants that stream is considering may take; null for stage 2.</summary>
    public int? StreamId { get; set; }

    public ResearchStream? Stream { get; set; }

    /// <summary>The assessment's address, /assessments/{slug}; unique within a season.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }
    public string InstructionsMarkdown { get; set; } = "";

    /// <summary>Minutes an applicant has from opening the assessment; 0 for no limit other than the window.</summary>
    public int TimeLimitMinutes { get; set; }

    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int Version { get; set; }

    public List<AssessmentItem> Items { get; } = [];

    public bool IsOpenAt(DateTime utc) => utc >= OpensAt && utc <= ClosesAt;

    /// <summary>When an attempt started at <paramref name="startedAt"/> must end: the limit, but never after the window closes.</summary>
    public DateTime DeadlineFor(DateTime startedAt)
    {
        var limit = TimeLimitMinutes > 0 ? startedAt.AddMinutes(TimeLimitMinutes) : ClosesAt;
        return limit < ClosesAt ? limit : ClosesAt;
    }
}

/// <summary>
/// One question of an assessment. Multiple choice, numeric and ordering items carry an answer key and are scored
/// as soon as an attempt closes; free text, code and file answers are scored later by reviewers against the rubric.
/// </summary>
public class AssessmentItem
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public int Position { get; set; }
    public required string Prompt { get; set; }
    public ItemKind Kind { get; set; }
    public int Points { get; set; }

    /// <summary>For multiple choice and ordering: the options as the applicant sees them, one a line.</summary>
    public string ChoicesText { get; set; } = "";

    /// <summary>
    /// Multiple choice: the correct option. Numeric: the expected number (invariant culture). Ordering: every
    /// option, one a line, in the correct order.
    /// </summary>
    public string AnswerKey { get; set; } = "";

    /// <summary>For numeric items: how far an answer may be from the key and still score.</summary>
    public double Tolerance { get; set; }

    /// <summary>For items reviewers score: what a good answer shows, and how points are given.</summary>
    public string RubricText { get; set; } = "";

    /// <summary>
    /// What the answer says about who the applicant is, for an item that asks for it (a profile link, say): blind
    /// reviewers never see a flagged answer whose kind the season's settings hide. Free text is redacted either way.
    /// </summary>
    public IdentityFlag Identity { get; set; }

    public IReadOnlyList<string> Choices => Lines(ChoicesText);

    public IReadOnlyList<string> KeyOrder => Lines(AnswerKey);

    /// <summary>The kinds reviewers score against the rubric; every other kind carries an answer key.</summary>
    public static readonly IReadOnlyList<ItemKind> ReviewerScoredKinds = [ItemKind.FreeText, ItemKind.Code, ItemKind.File];

    public bool IsScoredAutomatically => !ReviewerScoredKinds.Contains(Kind);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum ItemKind
{
    MultipleChoice,
    Numeric,

    /// <summary>The applicant puts the options in order (the item's key is the right order), scored by Kendall's τ.</summary>
    Ordering,
    FreeText,
    Code,

    /// <summary>A link to a file the applicant made (a notebook, a repository, a document), scored by reviewers.</summary>
    File,
}
