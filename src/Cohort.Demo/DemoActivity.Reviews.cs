using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>The demo's review rounds: stage 1's first read and one read per stream, by reviewers of planted leniency.</summary>
public sealed partial class DemoActivity
{
    /// <summary>
    /// A closed round of stage 1 review: two reviews per application, each reviewer's scores shifted by their planted
    /// leniency, so the raw means and the calibrated scores differ the way they do in a real season. It ran from D-10
    /// to D-8, after the applications came in and before the stage 1 decisions.
    /// </summary>
    private async Task FirstRoundAsync(Season season, List<DemoApplicant> applicants, List<(string UserId, double Leniency)> reviewers, DemoCalendar calendar, Random random, CancellationToken cancellation)
    {
        var rubric = DemoRubric.For(season);
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(cancellation); // the criteria's ids, which the scores name
        var round = new ReviewRound
        {
            SeasonId = season.Id, Stage = StageKind.General, Name = "First read", Rubric = rubric, ReviewsPerApplication = 2,
            State = ReviewRoundState.Closed, CreatedAt = calendar.At(-10, 9), DueAt = calendar.At(-8),
        };
        db.ReviewRounds.Add(round);
        for (var i = 0; i < applicants.Count; i++)
        {
            // The second reviewer is 1 to n-1 places on from the first, varying by block, so every pair of reviewers shares some applications.
            foreach (var reviewer in TwoReviewers(reviewers, i))
            {
                round.Assignments.Add(Reviewed(round, applicants[i].Application.Id, reviewer, applicants[i].Quality, calendar.At(-9, 12), random));
            }
        }

        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The second reviewer is 1 to n-1 places on from the first, varying by block, so every pair of reviewers shares some subjects.</summary>
    private static (string UserId, double Leniency)[] TwoReviewers(List<(string UserId, double Leniency)> reviewers, int i) =>
        [reviewers[i % reviewers.Count], reviewers[(i + 1 + (i / reviewers.Count % (reviewers.Count - 1))) % reviewers.Count]];

    /// <summary>A submitted review of the round's rubric: each criterion from the planted quality, the reviewer's leniency and a little noise.</summary>
    private static ReviewAssignment Reviewed(ReviewRound round, int subjectId, (string UserId, double Leniency) reviewer, double quality, DateTime at, Random random)
    {
        var rubric = round.Rubric!;
        var scores = rubric.Criteria.Select(c => new CriterionScore
        {
            CriterionId = c.Id,
            Value = Math.Clamp((int)Math.Round(c.ScaleMin + (quality * (c.ScaleMax - c.ScaleMin)) + reviewer.Leniency + (random.NextDouble() - 0.5)), c.ScaleMin, c.ScaleMax),
        }).ToList();
        var review = new ReviewSubmission { SubmittedAt = at, UpdatedAt = at, Overall = SubmitReview.Overall(scores.Select(score => (rubric.Criteria.Single(c => c.Id == score.CriterionId), score.Value))), Comment = "Read for the demo." };
        review.Recommendation = (Recommendation)Math.Clamp((int)Math.Round(review.Overall / 2.5), 0, 4);
        review.Scores.AddRange(scores);
        return new ReviewAssignment
        {
            SubjectId = subjectId, ReviewerId = reviewer.UserId, Origin = AssignmentOrigin.Solver, State = AssignmentState.Submitted, AssignedAt = round.CreatedAt, Review = review,
        };
    }

    /// <summary>
    /// A closed review round per stream, two reviews of each of its applications with the first round's rubric, so the
    /// streams' score tables have scores and the match page's "optimal on scores" has something to optimise. They ran from
    /// D-2 to D-1, after the stream applications came in.
    /// </summary>
    private async Task StreamRoundsAsync(Season season, List<DemoApplicant> applicants, List<(string UserId, double Leniency)> reviewers, DemoCalendar calendar, Random random, CancellationToken cancellation)
    {
        var quality = applicants.ToDictionary(a => a.Application.ApplicantId, a => a.Quality);
        var rubric = await db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.SeasonId == season.Id, cancellation);
        var applications = await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id).Include(a => a.Stream).OrderBy(a => a.Id).ToListAsync(cancellation);
        foreach (var stream in applications.GroupBy(a => a.Stream!))
        {
            var round = new ReviewRound
            {
                SeasonId = season.Id, Stage = StageKind.Streams, StreamId = stream.Key.Id, Name = $"{stream.Key.Name}: stream read", Rubric = rubric,
                ReviewsPerApplication = 2, State = ReviewRoundState.Closed, CreatedAt = calendar.At(-2, 14), DueAt = calendar.At(-1, 18),
            };
            db.ReviewRounds.Add(round);
            foreach (var (application, i) in stream.Select((a, i) => (a, i)))
            {
                foreach (var reviewer in TwoReviewers(reviewers, i + stream.Key.Id))
                {
                    round.Assignments.Add(Reviewed(round, application.Id, reviewer, quality[application.ApplicantId], calendar.At(-1, 10), random));
                }
            }
        }

        await db.SaveChangesAsync(cancellation);
    }
}
