using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>The signed-in reviewer's assignments in open rounds, each known only by its reference, never by who applied.</summary>
public class AssignmentsModel(CohortDbContext db) : PageModel
{
    public List<ReviewAssignment> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Assignments = await ReviewerAssignments.OpenAsync(db, User.Id(), cancellation);
}
