using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

/// <summary>
/// Records an applicant's request to erase their data, for an admin to confirm on /admin/privacy. Asking twice keeps
/// the one open request: the applicant cannot flood the admins' list, and the first date is the one that counts. After a
/// decline the applicant may ask again: the circumstances that stood in the way may have passed.
/// </summary>
public sealed class RequestErasure(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ErasureRequest> RunAsync(string applicantId, CancellationToken cancellation = default)
    {
        if (await db.ErasureRequests.Where(r => r.ApplicantId == applicantId).Where(ErasureRequest.Waiting).FirstOrDefaultAsync(cancellation) is { } open)
        {
            return open;
        }

        var request = new ErasureRequest { ApplicantId = applicantId, RequestedAt = clock.GetUtcNow().UtcDateTime };
        db.ErasureRequests.Add(request);
        audit.Record(await AccountActors.OfAsync(db, applicantId, cancellation), "privacy.erasure-requested", $"user:{applicantId}");
        await db.SaveChangesAsync(cancellation);
        return request;
    }
}
