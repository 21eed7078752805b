namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The admin menu: every admin page, grouped by the phase of the season it serves, in the order a season runs.
/// Pages that need an id (an edit form, one round) are reached from the list page the menu links to.
/// </summary>
public static class AdminMenu
{
    public sealed record Item(string Label, string Href);

    public sealed record Group(string Name, IReadOnlyList<Item> Items);

    public static Item Dashboard { get; } = new("Dashboard", "/admin");

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("Catalogue",
        [
            new("Season and tracks", "/admin/season"),
            new("Seasons and their outcomes", "/admin/seasons"),
            new("Streams", "/admin/streams"),
            new("Mentors", "/admin/mentors"),
            new("Key dates", "/admin/dates"),
            new("FAQ", "/admin/faq"),
            new("Application form", "/admin/forms/general"),
        ]),
        new("Applications",
        [
            new("1. General applications", "/admin/pipeline/general"),
            new("2. Assessments", "/admin/pipeline/assessments"),
            new("3. Stream applications", "/admin/pipeline/streams"),
            new("Assessment items and attempts", "/admin/assessments"),
        ]),
        new("Review",
        [
            new("Review rounds", "/admin/review/rounds"),
            new("Reviewer pool", "/admin/review/pool"),
            new("Rubrics", "/admin/rubrics"),
            new("Blind review", "/admin/blind"),
            new("Scores 1. General", "/admin/scores/general"),
            new("Scores 2. Assessments", "/admin/scores/assessments"),
            new("Scores 3. Streams", "/admin/scores/streams"),
        ]),
        new("Match",
        [
            new("Match and offers", "/admin/match"),
        ]),
        new("Programme",
        [
            new("Projects", "/admin/projects"),
            new("Fellows", "/fellows"),
            new("The cohort's board", "/admin/fellows/board"),
            new("Milestones", "/admin/milestones"),
            new("Artifacts", "/admin/artifacts"),
            new("Extension rounds", "/admin/extensions"),
        ]),
        new("Analytics",
        [
            new("The season at a glance", "/admin/analytics"),
        ]),
        new("Tools",
        [
            new("Write to applicants", "/admin/mail/compose?stage=general"),
            new("Outbox", "/admin/outbox"),
            new("Scheduled jobs", "/admin/jobs"),
            new("Invitations", "/admin/invitations"),
            new("API tokens", "/admin/tokens"),
            new("Audit log", "/admin/audit"),
            new("Personal data", "/admin/privacy"),
            new("Import a catalogue", "/admin/import"),
            new("Import people", "/admin/imports"),
            new("Exports: applications, reviews, match", "/admin/exports"),
            new("Export the catalogue as JSON", "/admin/export?format=json"),
            new("Export streams as CSV", "/admin/export?format=csv"),
        ]),
    ];

    /// <summary>
    /// The item the page at <paramref name="path"/> belongs under: the longest menu path it starts with, so an edit
    /// form marks its list page and the dashboard only itself.
    /// </summary>
    public static Item? Current(string path)
    {
        var trimmed = path.TrimEnd('/').ToLowerInvariant();
        return Groups.SelectMany(g => g.Items).Prepend(Dashboard)
            .Select(item => (item, path: item.Href.Split('?')[0]))
            .Where(c => trimmed == c.path || (c.path != "/admin" && trimmed.StartsWith(c.path + "/", StringComparison.Ordinal)))
            .OrderByDescending(c => c.path.Length)
            .Select(c => c.item)
            .FirstOrDefault();
    }
}
