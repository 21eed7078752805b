using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>The current season's general application form and, if any, the signed-in applicant's application to it.</summary>
public static class GeneralApplicationQuery
{
    public static async Task<(ApplicationForm? Form, Application? Application)> LoadAsync(CohortDbContext db, string applicantId, CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return (null, null);
        }

        var form = await db.ApplicationForms.AsNoTracking()
            .Include(f => f.Questions.OrderBy(q => q.Position))
            .SingleOrDefaultAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General, cancellation);
        if (form is null)
        {
            return (null, null);
        }

        // Filtered by the signed-in user's id, never by an id from the request: nobody reaches another's application.
        var application = await db.Applications.AsNoTracking().Include(a => a.Answers).ThenInclude(a => a.File)
            .SingleOrDefaultAsync(a => a.FormId == form.Id && a.ApplicantId == applicantId, cancellation);
        return (form, application);
    }
}
