using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

internal static class ApplicationDrafts
{
    /// <summary>
    /// The applicant's application to <paramref name="form"/>, started if there is none. Two first saves racing
    /// each other both try to insert; the unique index lets one win, and the loser reloads the winner's row.
    /// </summary>
    public static async Task<Application> FindOrStartAsync(CohortDbContext db, ApplicationForm form, string applicantId, DateTime now, CancellationToken cancellation)
    {
        var existing = await LoadAsync(db, form.Id, applicantId, cancellation);
        if (existing is not null)
        {
            return existing;
        }

        var started = new Application { FormId = form.Id, ApplicantId = applicantId, State = ApplicationState.Draft, CreatedAt = now, UpdatedAt = now };
        db.Add(started);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return started;
        }
        catch (DbUpdateException)
        {
            db.Entry(started).State = EntityState.Detached;
            return await LoadAsync(db, form.Id, applicantId, cancellation)
                ?? throw new InvalidOperationException("The application could neither be started nor found.");
        }
    }

    private static Task<Application?> LoadAsync(CohortDbContext db, int formId, string applicantId, CancellationToken cancellation) =>
        db.Set<Application>().Include(a => a.Answers).SingleOrDefaultAsync(a => a.FormId == formId && a.ApplicantId == applicantId, cancellation);
}
