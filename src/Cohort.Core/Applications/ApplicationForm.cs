using Cohort.Core.Data;

namespace Cohort.Core.Applications;

/// <summary>
/// The questions of one application stage of a season and the window in which answers are accepted. The
/// general application (stage 1) is one form per season; every applicant fills it once.
/// </summary>
public class ApplicationForm : IVersioned, Catalogue.IPublicContent
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public FormKind Kind { get; set; }
    public required string Title { get; set; }
    public string IntroMarkdown { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    /// <summary>
    /// Minutes after <see cref="ClosesAt"/> during which submissions are still accepted. Most applications arrive
    /// in the last hours; a short grace absorbs a slow connection without moving the published deadline.
    /// </summary>
    public int GraceMinutes { get; set; }

    public int Version { get; set; }

    public List<Question> Questions { get; } = [];

    public DateTime AcceptsUntil => ClosesAt.AddMinutes(GraceMinutes);

    public bool IsOpenAt(DateTime utc) => utc >= OpensAt && utc <= AcceptsUntil;
}

public enum FormKind
{
    General,
}
