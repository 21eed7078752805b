using Cohort.Core.Accounts;
using Cohort.Core.Programme;
using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Mentor;

/// <summary>The mentor's board: the fellows of the streams they mentor × the season's milestones.</summary>
[Authorize(Roles = Roles.Mentor)]
public class BoardModel(CohortDbContext db, TimeProvider clock) : BoardPage(db, clock)
{
    protected override IQueryable<Fellowship> Visible => FellowshipScope.OfMentor(Db, User.Id());
}
