using System.Text.Json;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

public static class HeldOffers
{
    /// <summary>
    /// Gives a stream application an offer already in <paramref name="state"/>, from a published run of its own: the
    /// shortcut tests of a stream's projects take past the match (an accepted offer makes the applicant a fellow).
    /// </summary>
    public static async Task PutAsync(CohortDbContext db, int streamApplicationId, OfferState state)
    {
        var application = await db.StreamApplications.Where(a => a.Id == streamApplicationId)
            .Select(a => new { a.ApplicantId, a.StreamId, a.Stream!.Track!.SeasonId }).SingleAsync();
        var now = DateTime.UtcNow;
        // A valid, empty run, so pages that read the season's runs still can.
        var run = new MatchRun
        {
            SeasonId = application.SeasonId, CreatedAt = now, CreatedBy = "test", PublishedAt = now, InputJson = JsonSerializer.Serialize(new MatchInput([], [])),
            ResultJson = JsonSerializer.Serialize(new MatchResult([], [], new MatchCertificate(true, true, 0))),
        };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        db.Offers.Add(new Offer
        {
            RunId = run.Id, SeasonId = run.SeasonId, StreamId = application.StreamId, StreamApplicationId = streamApplicationId, ApplicantId = application.ApplicantId,
            State = state, CreatedAt = now, RespondBy = now.AddDays(3), RespondedAt = state == OfferState.Pending ? null : now,
        });
        await db.SaveChangesAsync();
    }
}
