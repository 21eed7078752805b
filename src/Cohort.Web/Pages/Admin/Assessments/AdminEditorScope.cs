using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>The admins' assessment editor: every assessment of the season, under /admin/assessments.</summary>
public sealed class AdminEditorScope : EditorScope
{
    public static AdminEditorScope Instance { get; } = new();

    public override EditorLinks Links => EditorLinks.Admin;

    public override string ListPage => "/Admin/Assessments/Index";

    public override IQueryable<Assessment> Editable(CohortDbContext db, Season season) => db.Assessments.Where(a => a.Track!.SeasonId == season.Id);
}
