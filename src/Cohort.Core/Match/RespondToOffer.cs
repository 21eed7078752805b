using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// An applicant accepts or declines their offer before its deadline. Accepting is final: the applicant's other stream
/// applications of the season are withdrawn, and they become a fellow (<see cref="Fellowship"/>). Declining frees the seat for the next round.
/// </summary>
public sealed class RespondToOffer(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor applicant, int offerId, bool accept, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId && o.ApplicantId == applicant.UserId, cancellation);
        var refusal = offer switch
        {
            null => "There is no such offer.",
            { State: OfferState.Lapsed } => "This offer lapsed: it was not answered by its deadline.",
            { State: not OfferState.Pending } => $"You already {offer.State.ToString().ToLowerInvariant()} this offer.",
            _ when now > offer.RespondBy => $"The deadline to answer this offer passed on {offer.RespondBy:d MMMM yyyy 'at' HH:mm} UTC.",
            _ => null,
        };
        if ((refusal ?? await ApplicantStandings.ClosureAsync(db, offer!.ApplicantId, cancellation)) is { } refused)
        {
            return refused;
        }

        offer!.State = accept ? OfferState.Accepted : OfferState.Declined;
        offer.RespondedAt = now;
        if (accept)
        {
            var others = await db.StreamApplications.Where(a => a.ApplicantId == offer.ApplicantId && a.Id != offer.StreamApplicationId
                && a.Stream!.Track!.SeasonId == offer.SeasonId && a.State != ApplicationState.Withdrawn).ToListAsync(cancellation);
            foreach (var other in others)
            {
                other.State = ApplicationState.Withdrawn;
                other.UpdatedAt = now;
            }

            var programmeEnd = await db.Seasons.Where(s => s.Id == offer.SeasonId).Select(s => s.ProgrammeEnd).SingleAsync(cancellation);
            db.Fellowships.Add(new Fellowship
            {
                SeasonId = offer.SeasonId, StreamId = offer.StreamId, OfferId = offer.Id, StreamApplicationId = offer.StreamApplicationId,
                ApplicantId = offer.ApplicantId, StartedAt = now, EndsOn = programmeEnd,
            });
        }

        audit.Record(applicant, accept ? "offer.accepted" : "offer.declined", $"offer:{offer.Id}", $"stream {offer.StreamId}");
        return await db.SaveOrRefuseAsync("This offer changed while you were answering; reload the page to see where it stands.", cancellation);
    }
}
