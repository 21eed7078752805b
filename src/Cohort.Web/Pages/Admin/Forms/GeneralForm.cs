using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Admin.Forms;

public static class GeneralForm
{
    /// <summary>The current season's general application form, with its questions in order.</summary>
    public static Task<ApplicationForm?> FindAsync(CohortDbContext db, int seasonId, CancellationToken cancellation) =>
        db.ApplicationForms.Include(f => f.Questions.OrderBy(q => q.Position))
            .SingleOrDefaultAsync(f => f.SeasonId == seasonId && f.Kind == FormKind.General, cancellation);
}
