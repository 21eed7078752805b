using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

public static class HeldFellowships
{
    /// <summary>
    /// Makes the applicant of a stream application a fellow of its stream, as accepting an offer does: an accepted offer
    /// (<see cref="HeldOffers"/>) and the fellowship it makes, running until <paramref name="endsOn"/>. Returns the fellowship's id.
    /// </summary>
    public static async Task<int> PutAsync(CohortDbContext db, int streamApplicationId, DateOnly endsOn)
    {
        await HeldOffers.PutAsync(db, streamApplicationId, OfferState.Accepted);
        var offer = await db.Offers.SingleAsync(o => o.StreamApplicationId == streamApplicationId);
        var fellowship = new Fellowship
        {
            SeasonId = offer.SeasonId, StreamId = offer.StreamId, OfferId = offer.Id, StreamApplicationId = streamApplicationId, ApplicantId = offer.ApplicantId,
            StartedAt = offer.RespondedAt!.Value, EndsOn = endsOn,
        };
        db.Fellowships.Add(fellowship);
        await db.SaveChangesAsync();
        return fellowship.Id;
    }
}
