using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>The demo's one open review round, so an admin sees a round in progress and reviews still missing.</summary>
public sealed partial class DemoActivity
{
    /// <summary>
    /// The Control Coalition's second read: its four mentors asked for two more reviews of each of their applications
    /// before ranking again. Opened D-1 14:00 and due D+4 (so no reminder is overdue yet); by the seeding day about two
    /// reviews in three are in, the rest wait in their reviewers' queues. Its own random seed leaves the earlier rounds'
    /// scores as they were. The demo reviewer bid on the round while it was a draft, as it was set up (the round has no
    /// separate opening time, so the bids carry its creation time): eager on the first two applications they were then
    /// assigned, not willing on one they were not, so the admin's round page shows bids beside its pairs.
    /// </summary>
    private async Task SecondReadAsync(Season season, List<DemoApplicant> applicants, List<(string UserId, double Leniency)> reviewers, DemoCalendar calendar, CancellationToken cancellation)
    {
        var random = new Random(2028);
        var quality = applicants.ToDictionary(a => a.Application.ApplicantId, a => a.Quality);
        var rubric = await db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.SeasonId == season.Id, cancellation);
        var coalition = await db.Streams.SingleAsync(s => s.Track!.SeasonId == season.Id && s.Slug == DemoStreamQuestions.CoalitionSlug, cancellation);
        var round = new ReviewRound
        {
            SeasonId = season.Id, Stage = StageKind.Streams, StreamId = coalition.Id, Name = $"{coalition.Name}: second read", Rubric = rubric,
            ReviewsPerApplication = 2, State = ReviewRoundState.Open, CreatedAt = calendar.At(-1, 14), DueAt = calendar.At(4),
        };
        db.ReviewRounds.Add(round);
        var applications = await db.StreamApplications.Where(a => a.StreamId == coalition.Id).OrderBy(a => a.Id).ToListAsync(cancellation);
        foreach (var (application, i) in applications.Select((a, i) => (a, i)))
        {
            foreach (var (reviewer, j) in TwoReviewers(reviewers, i + 2).Select((r, j) => (r, j)))
            {
                round.Assignments.Add((i + j) % 3 == 0
                    ? new ReviewAssignment { SubjectId = application.Id, ReviewerId = reviewer.UserId, Origin = AssignmentOrigin.Solver, State = AssignmentState.Assigned, AssignedAt = round.CreatedAt }
                    : Reviewed(round, application.Id, reviewer, quality[application.ApplicantId], calendar.At(-1, 19), random));
            }
        }

        await db.SaveChangesAsync(cancellation);
        var demoReviewer = reviewers[0].UserId;
        var theirs = round.Assignments.Where(a => a.ReviewerId == demoReviewer).Select(a => a.SubjectId).ToList();
        var bids = theirs.Take(2).Select(s => (Subject: s, Level: BidLevel.Eager))
            .Concat(applications.Select(a => a.Id).Where(id => !theirs.Contains(id)).Take(1).Select(s => (Subject: s, Level: BidLevel.NotWilling)));
        db.Bids.AddRange(bids.Select(b => new Bid { RoundId = round.Id, ReviewerId = demoReviewer, SubjectId = b.Subject, Level = b.Level, UpdatedAt = round.CreatedAt }));
        await db.SaveChangesAsync(cancellation);
    }
}
