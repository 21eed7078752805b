using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Adds an item to any assessment of the season (/admin/assessments/{assessment}/items/new) or edits one
/// (/admin/assessments/items/{id}/edit), with the assessment editor's item form.
/// </summary>
public sealed class ItemFormModel(CohortDbContext db, AuditLog audit) : ItemForm(db, audit)
{
    public override EditorLinks Links => EditorLinks.Admin;

    protected override string ListPage => "/Admin/Assessments/Index";

    protected override IQueryable<Assessment> Editable => Db.Assessments.Where(a => a.Track!.SeasonId == Season.Id);
}
