using System.Diagnostics;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Review;

/// <summary>
/// A stage 1 review round at the model user's size, through Cohort's own use cases on a real database: the solver
/// assigns k reviewers to every application (conflicts, affinities from expertise tags found in the answers, loads),
/// then, once every review is in, the score table with calibration is computed. Prints the time of each, three runs.
/// </summary>
internal static class ReviewRoundBench
{
    private static readonly string[] Topics = ["interpretability", "control", "evaluations", "security", "unlearning", "steering", "probes", "monitoring", "oversight", "forecasting"];

    public static async Task<int> RunAsync(int applications, int reviewers, int reviewsEach, string? postgres)
    {
        Console.WriteLine($"review round on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applications} applications, {reviewers} reviewers, {reviewsEach} reviews each");
        await using var database = await RushDatabase.CreateAsync(postgres);
        var random = new Random(5);
        var roundId = await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applications, reviewers, reviewsEach, random));

        var assigning = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = await database.RunAsync<AssignReviewers, AssignOutcome>(assign => assign.RunAsync(Actor.System, roundId));
            assigning.Add(clock.Elapsed.TotalMilliseconds);
            if (outcome.Refusal is not null || outcome.Assigned != applications * reviewsEach)
            {
                throw new InvalidOperationException($"The solver assigned {outcome.Assigned}: {outcome.Refusal}");
            }
        }

        Console.WriteLine($"assign reviewers (load, conflicts, affinities, solve, save): {string.Join(", ", assigning.Select(ms => $"{ms:0} ms"))}");
        await database.RunAsync<CohortDbContext, int>(db => ReviewEverythingAsync(db, roundId, random));
        var scoring = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = await database.RunAsync<FindScoreTable, ScoreTable?>(find => find.RunAsync(StageKind.General, null, null));
            scoring.Add(clock.Elapsed.TotalMilliseconds);
            if (result?.Rows.Count(r => r.Score is not null) != applications)
            {
                throw new InvalidOperationException("The score table does not score every application.");
            }
        }

        Console.WriteLine($"score table with calibration over {applications * reviewsEach} reviews: {string.Join(", ", scoring.Select(ms => $"{ms:0} ms"))}");
        return 0;
    }

    /// <summary>Submitted applications whose motivation names a few topics, reviewers expert in some of them, a rubric and a draft round.</summary>
    private static async Task<int> SeasonAsync(CohortDbContext db, int applications, int reviewers, int reviewsEach, Random random)
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General);
        var motivation = form.Questions.First(q => q.Kind == QuestionKind.LongText).Id;
        foreach (var applicant in await DeadlineRush.AddAccountsAsync(db, applications, "review"))
        {
            var application = new Application { FormId = form.Id, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
            application.Answers.Add(new Answer { QuestionId = motivation, Value = $"I want to work on {Pick(random)}, {Pick(random)} and {Pick(random)}." });
            db.Applications.Add(application);
        }

        var maxLoad = (int)Math.Ceiling(1.5 * applications * reviewsEach / reviewers);
        foreach (var reviewer in await DeadlineRush.AddAccountsAsync(db, reviewers, "reviewer", "reviewers.example.org"))
        {
            db.ReviewerProfiles.Add(new ReviewerProfile
            {
                SeasonId = season.Id, UserId = reviewer, Organisation = $"Lab {random.Next(20)}", ExpertiseText = $"{Pick(random)}\n{Pick(random)}", MaxLoad = maxLoad,
            });
        }

        var rubric = new Rubric { SeasonId = season.Id, Name = "Bench rubric", Criteria = { new RubricCriterion { Name = "Overall", ScaleMin = 1, ScaleMax = 10 } } };
        var round = new ReviewRound { SeasonId = season.Id, Stage = StageKind.General, Name = "Bench round", Rubric = rubric, ReviewsPerApplication = reviewsEach, CreatedAt = DateTime.UtcNow };
        db.ReviewRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    private static async Task<int> ReviewEverythingAsync(CohortDbContext db, int roundId, Random random)
    {
        foreach (var assignment in await db.ReviewAssignments.Where(a => a.RoundId == roundId).ToListAsync())
        {
            assignment.State = AssignmentState.Submitted;
            assignment.Review = new ReviewSubmission { Overall = Math.Round(random.NextDouble() * 10, 2), SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        }

        (await db.ReviewRounds.SingleAsync(r => r.Id == roundId)).State = ReviewRoundState.Closed;
        return await db.SaveChangesAsync();
    }

    private static string Pick(Random random) => Topics[random.Next(Topics.Length)];
}
