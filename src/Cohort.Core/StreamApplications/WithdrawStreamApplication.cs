using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Portal;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// The applicant leaves one stream. Any interview slot they hold with it is released in the same save, so another
/// applicant can book it; past slots stay booked as a record of the interview.
/// </summary>
public sealed class WithdrawStreamApplication(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string applicantId, int streamId, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = await db.StreamApplications.Include(a => a.Stream)
            .SingleOrDefaultAsync(a => a.StreamId == streamId && a.ApplicantId == applicantId, cancellation);
        if (await Withdrawal.CheckAsync(db, application, "There is no application to this stream to withdraw.", cancellation) is { GoesAhead: false } check)
        {
            return check.Refusal;
        }

        await Withdrawal.RecordAsync(db, audit, application!, "stream-application.withdrawn", $"stream-application:{application!.Id}", application.Stream!.Slug, cancellation);
        await MarkWithdrawnAsync(db, application, now, cancellation);
        return await db.SaveOrRefuseAsync(Withdrawal.Race, cancellation);
    }

    /// <summary>Withdraws <paramref name="application"/> and releases its future interview slots, without saving: the caller saves it with the rest of its change.</summary>
    internal static async Task MarkWithdrawnAsync(CohortDbContext db, StreamApplication application, DateTime now, CancellationToken cancellation)
    {
        application.State = ApplicationState.Withdrawn;
        application.UpdatedAt = now;
        foreach (var slot in await db.InterviewSlots.Where(s => s.StreamId == application.StreamId && s.BookedById == application.ApplicantId && s.StartsAt > now).ToListAsync(cancellation))
        {
            slot.Release();
        }
    }
}
