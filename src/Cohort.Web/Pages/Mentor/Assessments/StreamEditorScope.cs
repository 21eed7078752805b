using Cohort.Core.Assessments;
using Cohort.Core.StreamApplications;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// What narrows the assessment editor to one of the signed-in mentor's streams: the stream, found among their own
/// streams only (so any other stream's address answers 404), its assessments, and where the editor's links lead.
/// </summary>
public sealed class StreamEditorScope : EditorScope
{
    public ResearchStream Stream { get; private set; } = null!;

    public override EditorLinks Links =>
        new($"/mentor/streams/{Stream.Slug}/assessments", $"/mentor/streams/{Stream.Slug}", $"Back to {Stream.Name}", ListsAttempts: false);

    public override string ListPage => "/Mentor/Stream";

    public override object ListRoute => new { slug = Stream.Slug };

    public override IQueryable<Assessment> Editable(CohortDbContext db, Season season) => db.Assessments.Where(a => a.StreamId == Stream.Id);

    public override async Task<bool> FindAsync(CohortDbContext db, PageModel page, CancellationToken cancellation)
    {
        var slug = page.RouteData.Values["slug"] as string ?? "";
        Stream = (await MentorStreams.Current(db, page.User.Id(), slug).AsNoTracking().SingleOrDefaultAsync(cancellation))!;
        return Stream is not null;
    }
}
