using Cohort.Core.Accounts;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Mentor.Assessments;

/// <summary>
/// A mentor adds an item to (/mentor/streams/{slug}/assessments/{assessment}/items/new) or edits an item of
/// (/mentor/streams/{slug}/assessments/items/{id}/edit) an assessment of one of their own streams, with the assessment
/// editor's item form the admins use.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class StreamItemFormModel(CohortDbContext db, AuditLog audit) : ItemForm(db, audit)
{
    protected override EditorScope Scope { get; } = new StreamEditorScope();
}
