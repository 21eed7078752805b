using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Streams;

/// <summary>
/// One submitted application to a stream and what followed it: an interview booked with the stream, and the offer
/// a published match made for it (the best of them when there were several: accepted, then the latest).
/// </summary>
public sealed record StreamApplicationFact(int Id, int StreamId, string ApplicantId, ApplicationState State, bool Interviewed, OfferState? Offer)
{
    public bool Offered => Offer is not null;

    public bool Accepted => Offer == OfferState.Accepted;
}

/// <summary>
/// The stream applications of a season that were submitted (<see cref="Submissions.Were"/>: a draft never reached its stream), read
/// in three narrow queries whatever the number of applicants: the funnel, the streams and the arrivals all count these.
/// </summary>
public static class StreamApplicationFacts
{
    public static async Task<List<StreamApplicationFact>> OfAsync(CohortDbContext db, int seasonId, int? streamId, CancellationToken cancellation)
    {
        var applications = db.StreamApplications.AsNoTracking()
            .Where(s => s.Stream!.Track!.SeasonId == seasonId && (streamId == null || s.StreamId == streamId));
        var rows = (await applications.Select(s => new { s.Id, s.StreamId, s.ApplicantId, s.State, s.SubmittedAt }).ToListAsync(cancellation))
            .Where(s => Submissions.Were(s.State, s.SubmittedAt)).ToList();

        // A booking is the record of an interview: a past slot stays booked when its applicant later withdraws.
        var interviews = (await db.InterviewSlots.AsNoTracking()
                .Where(i => i.BookedById != null && applications.Any(s => s.StreamId == i.StreamId && s.ApplicantId == i.BookedById))
                .Select(i => new { i.StreamId, ApplicantId = i.BookedById! })
                .ToListAsync(cancellation))
            .Select(i => (i.StreamId, i.ApplicantId)).ToHashSet();
        var offers = (await db.Offers.AsNoTracking()
                .Where(o => o.SeasonId == seasonId && (streamId == null || o.StreamId == streamId))
                .Select(o => new { o.StreamApplicationId, o.State, o.Id })
                .ToListAsync(cancellation))
            .GroupBy(o => o.StreamApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.State == OfferState.Accepted).ThenByDescending(o => o.Id).First().State);
        return rows.Select(r => new StreamApplicationFact(r.Id, r.StreamId, r.ApplicantId, r.State,
                interviews.Contains((r.StreamId, r.ApplicantId)), offers.TryGetValue(r.Id, out var offer) ? offer : null))
            .ToList();
    }
}
