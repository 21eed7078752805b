using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// The stream match's input: a season's applicants as the candidates and its streams as the hosts, read from the
/// rankings as they stand now. After a published round, a later round matches
/// the rest: applicants holding an offer (pending or accepted) leave, their seats are taken off the streams'
/// capacities, and a stream an applicant declined, or let an offer of lapse, is never offered to them again.
/// </summary>
public static class StreamMatchInputs
{
    public static async Task<MatchInput> LoadAsync(CohortDbContext db, int seasonId, CancellationToken cancellation)
    {
        // Only applications their streams still consider take part: a withdrawal or a rejection leaves the match.
        var considered = StreamsStage.UnderConsideration(db).Where(a => a.Stream!.Track!.SeasonId == seasonId);
        var applications = await considered.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.StreamId, a.ApplicantId }).ToListAsync(cancellation);
        var offers = await db.Offers.Where(o => o.SeasonId == seasonId).Select(o => new { o.ApplicantId, o.StreamId, o.State }).ToListAsync(cancellation);
        var holding = offers.Where(o => Offer.HoldsSeatIn(o.State)).ToList();
        var placed = holding.Select(o => o.ApplicantId).ToHashSet();
        var declined = offers.Where(o => !Offer.HoldsSeatIn(o.State)).Select(o => (o.ApplicantId, o.StreamId)).ToHashSet();
        applications = applications.Where(a => !placed.Contains(a.ApplicantId) && !declined.Contains((a.ApplicantId, a.StreamId))).ToList();
        var applicantOf = applications.ToDictionary(a => a.Id, a => a.ApplicantId);
        var streamRankings = (await db.StreamPreferences.Where(e => !e.NotAcceptable && considered.Any(a => a.Id == e.StreamApplicationId))
                .OrderBy(e => e.Position).Select(e => new { e.StreamId, e.StreamApplicationId }).ToListAsync(cancellation))
            .Where(e => applicantOf.ContainsKey(e.StreamApplicationId))
            .ToLookup(e => e.StreamId, e => applicantOf[e.StreamApplicationId]);
        var streamOf = applications.ToDictionary(a => a.Id, a => a.StreamId);
        var applicantRankings = (await db.ApplicantStreamPreferences.Where(r => considered.Any(a => a.Id == r.StreamApplicationId))
                .OrderBy(r => r.Position).Select(r => new { r.ApplicantId, r.StreamApplicationId }).ToListAsync(cancellation))
            .Where(r => streamOf.ContainsKey(r.StreamApplicationId))
            .ToLookup(r => r.ApplicantId, r => streamOf[r.StreamApplicationId]);

        var streams = await db.Streams.Where(s => s.Track!.SeasonId == seasonId).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Capacity }).ToListAsync(cancellation);
        var appliedTo = applications.ToLookup(a => a.ApplicantId, a => a.StreamId);
        var applicantIds = appliedTo.Select(g => g.Key).ToList();
        var names = await db.Users.Where(u => applicantIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellation);
        return new MatchInput(
            streams.Select(s => new MatchHost(s.Id, s.Name, Math.Max(0, s.Capacity - holding.Count(o => o.StreamId == s.Id)), streamRankings[s.Id].ToList())).ToList(),
            applicantIds.Order(StringComparer.Ordinal).Select(id => new MatchCandidate(id, names[id], Ranking(applicantRankings[id], appliedTo[id]))).ToList());
    }

    /// <summary>
    /// The applicant's ranking, then any stream they applied to but did not rank, in the order they applied: an
    /// applicant who never ranked still takes part rather than being left out by silence.
    /// </summary>
    private static List<int> Ranking(IEnumerable<int> ranked, IEnumerable<int> appliedTo)
    {
        var ranking = ranked.ToList();
        ranking.AddRange(appliedTo.Where(s => !ranking.Contains(s)));
        return ranking;
    }
}
