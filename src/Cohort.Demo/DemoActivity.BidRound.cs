using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>The demo's round being prepared, so reviewers have something to bid on and an admin something to assign.</summary>
public sealed partial class DemoActivity
{
    /// <summary>What the round being prepared is called, after its stream's name.</summary>
    public const string InterviewReadSuffix = ": interview read";

    /// <summary>
    /// A draft read of the applications to the busiest single-mentor stream, set up this morning ahead of its
    /// interviews: no reviewer is assigned and nobody has bid yet, so on the demo as it starts a reviewer bids on it
    /// at /review/bids and the admin assigns it from its round page, which then says why each pair was chosen.
    /// </summary>
    private async Task InterviewReadAsync(Season season, DemoCalendar calendar, CancellationToken cancellation)
    {
        var rubric = await db.Rubrics.SingleAsync(r => r.SeasonId == season.Id, cancellation);
        var stream = await db.Streams.Where(s => s.Track!.SeasonId == season.Id && s.Slug != DemoStreamQuestions.CoalitionSlug)
            .OrderByDescending(s => db.StreamApplications.Count(a => a.StreamId == s.Id)).ThenBy(s => s.Id).FirstAsync(cancellation);
        db.ReviewRounds.Add(new ReviewRound
        {
            SeasonId = season.Id, Stage = StageKind.Streams, StreamId = stream.Id, Name = stream.Name + InterviewReadSuffix, RubricId = rubric.Id,
            ReviewsPerApplication = 2, State = ReviewRoundState.Draft, CreatedAt = calendar.At(0, 8), DueAt = calendar.At(6, 18),
        });
        await db.SaveChangesAsync(cancellation);
    }
}
