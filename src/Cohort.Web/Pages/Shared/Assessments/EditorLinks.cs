namespace Cohort.Web.Pages.Shared.Assessments;

/// <summary>
/// Where the assessment editor's links lead. The same forms serve admins (every assessment, under /admin/assessments)
/// and a stream's mentors (their stream's assessments, under /mentor/streams/{slug}/assessments).
/// </summary>
/// <param name="Root">The address the editor's pages hang from.</param>
/// <param name="Back">The page the editor came from.</param>
/// <param name="BackText">What the link back says.</param>
/// <param name="ListsAttempts">Whether the editor links to a list of every attempt; mentors see attempts per application instead.</param>
public sealed record EditorLinks(string Root, string Back, string BackText, bool ListsAttempts)
{
    public static EditorLinks Admin { get; } = new("/admin/assessments", "/admin/assessments", "All assessments", ListsAttempts: true);

    public string Edit(int assessmentId) => $"{Root}/{assessmentId}/edit";

    public string NewItem(int assessmentId) => $"{Root}/{assessmentId}/items/new";

    public string EditItem(int itemId) => $"{Root}/items/{itemId}/edit";

    public string Attempts(int assessmentId) => $"{Root}/{assessmentId}/attempts";
}
