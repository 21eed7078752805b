using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Adds an item to any assessment of the season (/admin/assessments/{assessment}/items/new) or edits one
/// (/admin/assessments/items/{id}/edit), with the assessment editor's item form.
/// </summary>
public sealed class ItemFormModel(CohortDbContext db, AuditLog audit) : ItemForm(db, audit)
{
    protected override EditorScope Scope => AdminEditorScope.Instance;
}
