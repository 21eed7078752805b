using Cohort.Core.Programme;
using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Admin.Fellows;

/// <summary>The whole cohort's board, fellows off track and at risk first, then those with the most milestones overdue.</summary>
public class BoardModel(CohortDbContext db, TimeProvider clock) : BoardPage(db, clock)
{
    protected override IQueryable<Fellowship> Visible => Db.Fellowships;
}
