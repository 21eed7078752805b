using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// A mentor adds an item to (/mentor/streams/{slug}/assessments/{assessment}/items/new) or edits an item of
/// (/mentor/streams/{slug}/assessments/items/{id}/edit) an assessment of one of their own streams, with the assessment editor's item form the admins use.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class StreamItemFormModel(CohortDbContext db, AuditLog audit) : ItemForm(db, audit)
{
    public ResearchStream Stream { get; private set; } = null!;

    public override EditorLinks Links => StreamAssessmentEditor.Links(Stream);

    protected override string ListPage => StreamAssessmentEditor.StreamPage;

    protected override object ListRoute => new { slug = Stream.Slug };

    protected override IQueryable<Assessment> Editable => Db.Assessments.Where(a => a.StreamId == Stream.Id);

    protected override async Task<bool> FindScopeAsync(CancellationToken cancellation)
    {
        Stream = (await StreamAssessmentEditor.FindStreamAsync(Db, this, cancellation))!;
        return Stream is not null && await base.FindScopeAsync(cancellation);
    }
}
