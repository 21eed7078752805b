using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

/// <summary>
/// An admin declines an erasure request, with a reason the applicant is sent by mail and sees on their portal. GDPR
/// lets a controller keep data it must keep (a legal obligation, a claim being defended), and a request may not come
/// from the person at all; the applicant must then be told why within the month (art. 12(4)). Declining erases
/// nothing and closes the request; the applicant may ask again.
/// </summary>
public sealed class DeclineErasure(CohortDbContext db, AuditLog audit, Outbox outbox, IAppLinks links, TimeProvider clock)
{
    public async Task<string?> RunAsync(Actor actor, int requestId, string? reason, CancellationToken cancellation = default)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Say why the request is declined: the applicant is sent the reason.";
        }

        if (trimmed.Length > ErasureRequest.ReasonLength)
        {
            return $"The reason is {trimmed.Length} characters long; keep it to {ErasureRequest.ReasonLength}.";
        }

        var request = await db.ErasureRequests.Where(ErasureRequest.Waiting).SingleOrDefaultAsync(r => r.Id == requestId, cancellation);
        var applicant = request is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.ApplicantId, cancellation);
        if (request is null || applicant?.Email is null)
        {
            return "There is no such open request: it may have been carried out or declined already.";
        }

        (request.DeclinedAt, request.DeclineReason) = (clock.GetUtcNow().UtcDateTime, trimmed);
        audit.Record(actor, "privacy.erasure-declined", $"user:{request.ApplicantId}", trimmed);
        outbox.Enqueue(applicant.Email, "Your request to erase your data",
            $"Dear {applicant.DisplayName},\n\nYour request of {MailTime.Say(request.RequestedAt, applicant.TimeZoneId)} that your data be erased was declined, for this reason:\n\n" +
            $"{trimmed}\n\nYour data is kept as it was. You may ask again from your portal when this no longer applies: {links.Link("/portal/erase")}\n");
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
