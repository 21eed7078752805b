using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>
/// An applicant leaves the selection. Allowed at any stage until they accept an offer, since people's plans change; it
/// cannot be undone by them. Their stream applications of the season are withdrawn with it, so no stream or match
/// goes on considering someone who left.
/// </summary>
public sealed class WithdrawApplication(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string applicantId, int formId, CancellationToken cancellation = default)
    {
        var application = await db.Applications.Include(a => a.Form)
            .SingleOrDefaultAsync(a => a.FormId == formId && a.ApplicantId == applicantId, cancellation);
        if (await Withdrawal.CheckAsync(db, application, "There is no application to withdraw.", cancellation) is { GoesAhead: false } check)
        {
            return check.Refusal;
        }

        await Withdrawal.RecordAsync(db, audit, application!, "application.withdrawn", $"application:{application!.Id}", application.Form!.Title, cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        application.State = ApplicationState.Withdrawn;
        application.UpdatedAt = now;
        var streams = await db.StreamApplications.Where(a => a.ApplicantId == applicantId && a.State != ApplicationState.Withdrawn
            && a.Stream!.Track!.SeasonId == application.Form.SeasonId).ToListAsync(cancellation);
        foreach (var stream in streams)
        {
            await WithdrawStreamApplication.MarkWithdrawnAsync(db, stream, now, cancellation);
        }

        return await db.SaveOrRefuseAsync(Withdrawal.Race, cancellation);
    }
}
