using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Marks the season's offers left unanswered past their deadline as lapsed, tells each applicant by mail, and audits
/// it. The <see cref="LapseOffersAtDeadline"/> job runs it every minute, and the match runs it first too, so a seat
/// nobody answered for goes back into the next round instead of staying held for good.
/// </summary>
public sealed class LapseOverdueOffers(CohortDbContext db, TimeProvider clock, Outbox outbox, AuditLog audit)
{
    // Enough for two runs that meet (the job and an admin's match) to settle: each lost race means the other
    // run lapsed those offers, and the next try finds only the ones it left.
    private const int Tries = 3;

    /// <summary>
    /// Lapses what is overdue and returns how many offers this call lapsed. Idempotent: a lapsed offer is no longer
    /// pending, so a second run finds nothing, and when two runs race, the offers' version check lets one save win
    /// (with its mail and audit entries) and the other saves nothing, then looks again.
    /// </summary>
    public async Task<int> RunAsync(Actor actor, int seasonId, CancellationToken cancellation = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lapsed = await LapseAsync(actor, seasonId, cancellation);
            if (lapsed is { } count)
            {
                return count;
            }

            if (attempt == Tries)
            {
                return 0;
            }
        }
    }

    private async Task<int?> LapseAsync(Actor actor, int seasonId, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Offers.Where(o => o.SeasonId == seasonId && o.State == OfferState.Pending && o.RespondBy < now)
            .Join(db.Users, o => o.ApplicantId, u => u.Id, (o, u) => new { Offer = o, u.Email, u.DisplayName, u.TimeZoneId })
            .Join(db.Streams, x => x.Offer.StreamId, s => s.Id, (x, s) => new { x.Offer, x.Email, x.DisplayName, x.TimeZoneId, Stream = s.Name })
            .ToListAsync(cancellation);
        foreach (var late in overdue)
        {
            late.Offer.State = OfferState.Lapsed;
            outbox.Enqueue(late.Email!, $"Your offer from {late.Stream} lapsed",
                $"Dear {late.DisplayName},\n\nThe offer of a place in {late.Stream} was not answered by {MailTime.Say(late.Offer.RespondBy, late.TimeZoneId)}, so it has lapsed and the seat goes to the next round. " +
                "Your other stream applications are still considered.\n");
            audit.Record(actor, "offer.lapsed", $"offer:{late.Offer.Id}", $"stream {late.Offer.StreamId}, not answered by {late.Offer.RespondBy:u}");
        }

        return await db.TrySaveAsync(cancellation) ? overdue.Count : null;
    }
}
