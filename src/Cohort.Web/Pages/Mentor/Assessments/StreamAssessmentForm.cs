using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// A mentor creates (/mentor/streams/{slug}/assessments/new) or edits (/mentor/streams/{slug}/assessments/{id}/edit) a
/// follow-up assessment of one of their own streams, with the assessment editor the admins use. It belongs to the stream and its track.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class StreamAssessmentFormModel(CohortDbContext db, AuditLog audit) : AssessmentForm(db, audit)
{
    public ResearchStream Stream { get; private set; } = null!;

    public override EditorLinks Links => StreamAssessmentEditor.Links(Stream);

    protected override string ListPage => StreamAssessmentEditor.StreamPage;

    protected override object ListRoute => new { slug = Stream.Slug };

    protected override IQueryable<Assessment> Editable => Db.Assessments.Where(a => a.StreamId == Stream.Id);

    protected override async Task<bool> FindScopeAsync(CancellationToken cancellation)
    {
        Stream = (await StreamAssessmentEditor.FindStreamAsync(Db, this, cancellation))!;
        return Stream is not null;
    }

    protected override Task PlaceAsync(Assessment assessment, CancellationToken cancellation)
    {
        assessment.TrackId = Stream.TrackId;
        assessment.StreamId = Stream.Id;
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ChangedBeyondFields(Assessment assessment) => [$"stream {Stream.Slug}"];
}
