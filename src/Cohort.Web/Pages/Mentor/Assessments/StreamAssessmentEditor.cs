using Cohort.Core.StreamApplications;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// What narrows the assessment editor to one of the signed-in mentor's streams: the stream, found among
/// their own streams only (so any other stream's address answers 404), and where the editor's links lead.
/// </summary>
internal static class StreamAssessmentEditor
{
    public const string StreamPage = "/Mentor/Stream";

    public static Task<ResearchStream?> FindStreamAsync(CohortDbContext db, PageModel page, CancellationToken cancellation) =>
        MentorStreams.Current(db, page.User.Id(), page.RouteData.Values["slug"] as string ?? "").AsNoTracking().SingleOrDefaultAsync(cancellation);

    public static EditorLinks Links(ResearchStream stream) =>
        new($"/mentor/streams/{stream.Slug}/assessments", $"/mentor/streams/{stream.Slug}", $"Back to {stream.Name}", ListsAttempts: false);
}
