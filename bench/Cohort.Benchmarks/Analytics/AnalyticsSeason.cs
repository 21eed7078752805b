using Cohort.Benchmarks.Applications;
using Cohort.Benchmarks.Exports;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Match;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Analytics;

/// <summary>
/// A whole season of the model user's size for the analytics to read, every topic with something to count: the
/// exports bench's season (2,500 applicants through all three stages, two scored attempts each, three stream
/// applications each with both sides' rankings and a reviewed round per stream), plus a stage 1 round of three reviews
/// per application by 100 reviewers with three criteria, submissions that pile up before each deadline, interviews for a
/// third of the stream applications, the match run and published with most offers answered, and a second run on
/// scores to compare with it.
/// </summary>
internal static class AnalyticsSeason
{
    public static async Task SeedAsync(RushDatabase database, int applicants)
    {
        await database.RunAsync<CohortDbContext, int>(db => ExportBench.SeasonAsync(db, applicants));
        var random = new Random(18);
        await database.RunAsync<CohortDbContext, int>(db => ArrivalsAsync(db, random));
        await database.RunAsync<CohortDbContext, int>(db => GeneralRoundAsync(db, random));
        await database.RunAsync<CohortDbContext, int>(db => InterviewsAsync(db, random));
        var run = await database.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Actor.System, MatchAlgorithm.CandidatesPropose))
            ?? throw new InvalidOperationException("The match did not run.");
        if (await database.RunAsync<PublishStreamMatch, string?>(publish => publish.RunAsync(Actor.System, run.Id, DateTime.UtcNow.AddDays(7), "https://cohort.example/portal")) is { } refusal)
        {
            throw new InvalidOperationException("The match was not published: " + refusal);
        }

        await database.RunAsync<CohortDbContext, int>(db => AnswerOffersAsync(db, random));
        await database.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Actor.System, MatchAlgorithm.Scores));
        // A database that has run for a while has its planner statistics; one loaded a minute ago has none until
        // autovacuum gets to it, and PostgreSQL then plans the analytics' joins as if the tables were empty. ANALYZE
        // gathers them on both databases (SQLite keeps its own in sqlite_stat1).
        await database.RunAsync<CohortDbContext, int>(db => db.Database.ExecuteSqlRawAsync("ANALYZE"));
    }

    /// <summary>
    /// Submission times before each form's deadline, most in its last hours as a real deadline has them: hours before
    /// the deadline drawn from an exponential with a mean of a day and a half, at most three weeks.
    /// </summary>
    private static async Task<int> ArrivalsAsync(CohortDbContext db, Random random)
    {
        var deadlines = await db.ApplicationForms.ToDictionaryAsync(f => f.Id, f => f.ClosesAt);
        DateTime Before(DateTime deadline) => deadline.AddHours(-Math.Min(504, -36 * Math.Log(1 - random.NextDouble())));
        foreach (var application in await db.Applications.ToListAsync())
        {
            application.SubmittedAt = Before(deadlines[application.FormId]);
        }

        // A stream application's deadline is its track's stream stage (the window of stage 3).
        var streamDeadlines = await db.Streams.Select(s => new { s.Id, Deadline = db.Stages.Where(w => w.TrackId == s.TrackId && w.Kind == StageKind.Streams).Select(w => w.ClosesAt).First() })
            .ToDictionaryAsync(s => s.Id, s => s.Deadline);
        foreach (var application in await db.StreamApplications.ToListAsync())
        {
            application.SubmittedAt = Before(streamDeadlines[application.StreamId]);
        }

        return await db.SaveChangesAsync();
    }

    /// <summary>Three reviews of each general application by 100 reviewers, each with a leniency of their own and three criteria.</summary>
    private static async Task<int> GeneralRoundAsync(CohortDbContext db, Random random)
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var reviewers = await DeadlineRush.AddAccountsAsync(db, 100, "general-reviewer", "reviewers.example.org");
        var leniency = reviewers.ToDictionary(r => r, _ => (random.NextDouble() * 3) - 1.5);
        db.ReviewerProfiles.AddRange(reviewers.Select(r => new ReviewerProfile { SeasonId = season.Id, UserId = r, MaxLoad = 120 }));
        var rubric = new Rubric { SeasonId = season.Id, Name = "General read" };
        rubric.Criteria.AddRange(new[] { "Motivation", "Research taste", "Track record" }.Select((name, i) => new RubricCriterion { Name = name, Position = i + 1, ScaleMin = 1, ScaleMax = 5 }));
        var round = new ReviewRound { SeasonId = season.Id, Stage = StageKind.General, Name = "General read", Rubric = rubric, ReviewsPerApplication = 3, State = ReviewRoundState.Open, CreatedAt = DateTime.UtcNow };
        db.ReviewRounds.Add(round);
        await db.SaveChangesAsync();

        var now = DateTime.UtcNow;
        foreach (var application in await db.Applications.Select(a => a.Id).ToListAsync())
        {
            var quality = random.NextDouble() * 10;
            foreach (var reviewer in reviewers.OrderBy(_ => random.Next()).Take(3))
            {
                // One review in fifty is still to come: the missing-reviews chart has its stragglers.
                var missing = random.Next(50) == 0;
                var assignment = new ReviewAssignment { RoundId = round.Id, SubjectId = application, ReviewerId = reviewer, State = missing ? AssignmentState.Assigned : AssignmentState.Submitted, AssignedAt = now };
                if (!missing)
                {
                    var overall = Math.Round(Math.Clamp(quality + leniency[reviewer] + (random.NextDouble() * 2) - 1, 0, 10), 1);
                    assignment.Review = new ReviewSubmission { Overall = overall, Recommendation = overall >= 6 ? Recommendation.Accept : Recommendation.Borderline, SubmittedAt = now, UpdatedAt = now };
                    assignment.Review.Scores.AddRange(rubric.Criteria.Select(c => new CriterionScore { CriterionId = c.Id, Value = (int)Math.Clamp(Math.Round(overall / 2) + random.Next(-1, 2), 1, 5) }));
                }

                db.ReviewAssignments.Add(assignment);
            }
        }

        return await db.SaveChangesAsync();
    }

    /// <summary>A booked interview for a third of the stream applications, a slot each.</summary>
    private static async Task<int> InterviewsAsync(CohortDbContext db, Random random)
    {
        var start = DateTime.UtcNow.AddDays(-5);
        foreach (var application in await db.StreamApplications.Select(a => new { a.StreamId, a.ApplicantId }).ToListAsync())
        {
            if (random.Next(3) == 0)
            {
                db.InterviewSlots.Add(new InterviewSlot
                {
                    StreamId = application.StreamId, StartsAt = start.AddMinutes(45 * random.Next(200)), Minutes = 45, Location = "A video call",
                    BookedById = application.ApplicantId, BookedAt = start,
                });
            }
        }

        return await db.SaveChangesAsync();
    }

    /// <summary>Three offers in four accepted, one in eight declined, the rest still pending, answered over the week.</summary>
    private static async Task<int> AnswerOffersAsync(CohortDbContext db, Random random)
    {
        foreach (var offer in await db.Offers.ToListAsync())
        {
            var draw = random.Next(8);
            if (draw < 7)
            {
                offer.State = draw < 6 ? OfferState.Accepted : OfferState.Declined;
                offer.RespondedAt = offer.CreatedAt.AddHours(1 + (random.NextDouble() * 150));
            }
        }

        return await db.SaveChangesAsync();
    }
}
