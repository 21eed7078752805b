using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// A mentor creates (/mentor/streams/{slug}/assessments/new) or edits (/mentor/streams/{slug}/assessments/{id}/edit) a
/// follow-up assessment of one of their own streams, with the assessment editor the admins use. It belongs to the
/// stream and its track.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class StreamAssessmentFormModel(CohortDbContext db, AuditLog audit) : AssessmentForm(db, audit)
{
    private readonly StreamEditorScope stream = new();

    protected override EditorScope Scope => stream;

    protected override Task PlaceAsync(Assessment assessment, CancellationToken cancellation)
    {
        assessment.TrackId = stream.Stream.TrackId;
        assessment.StreamId = stream.Stream.Id;
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ChangedBeyondFields(Assessment assessment) => [$"stream {stream.Stream.Slug}"];
}
