using System.Diagnostics;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Review;

/// <summary>
/// A stage 1 review round at the model user's size, through Cohort's own use cases on a real database: the solver
/// assigns k reviewers to every application (conflicts, the blended affinities of docs/affinity.md over texts embedded
/// ahead as the background job would, loads),
/// then, once every review is in, the score table with calibration is computed. Prints the time of each, three runs.
/// Every application answers the demo form's research-area question, with areas of unequal size, and reviewers are
/// expert mostly in one area, so the assignment is timed without bridging and with the default 15% share, with its
/// cost in affinity.
/// </summary>
internal static class ReviewRoundBench
{
    /// <summary>A word for each of the demo form's research areas, in their order, then a few more an answer may name.</summary>
    private static readonly string[] Topics = ["control", "interpretability", "evaluations", "security", "red-teaming", "oversight", "steering", "organisms", "probes", "forecasting"];

    public static async Task<int> RunAsync(int applications, int reviewers, int reviewsEach, string? postgres)
    {
        Console.WriteLine($"review round on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applications} applications, {reviewers} reviewers, {reviewsEach} reviews each");
        await using var database = await RushDatabase.CreateAsync(postgres);
        var random = new Random(5);
        var roundId = await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applications, reviewers, reviewsEach, random));
        await EmbedAheadAsync(database);

        // One untimed assignment first, so neither setting's first run carries the JIT warming up or the first insert.
        await database.RunAsync<AssignReviewers, AssignOutcome>(assign => assign.RunAsync(Actor.System, roundId));
        foreach (var share in new[] { 0, ReviewRound.DefaultBridgingSharePercent })
        {
            await database.RunAsync<DesignReviewRound, string?>(design => design.SetBridgingShareAsync(Actor.System, roundId, share));
            var assigning = new List<double>();
            AssignmentCostReport? cost = null;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var outcome = await database.RunAsync<AssignReviewers, AssignOutcome>(assign => assign.RunAsync(Actor.System, roundId));
                assigning.Add(clock.Elapsed.TotalMilliseconds);
                if (outcome.Refusal is not null || outcome.Assigned != applications * reviewsEach)
                {
                    throw new InvalidOperationException($"The solver assigned {outcome.Assigned}: {outcome.Refusal}");
                }

                cost = outcome.Cost;
            }

            Console.WriteLine($"assign reviewers, bridging share {share}% (load, conflicts, topics, affinities, solve, save): {string.Join(", ", assigning.Select(ms => $"{ms:0} ms"))}");
            Console.WriteLine($"  {AssignReviewers.Describe(cost!)}");
        }

        await database.RunAsync<CohortDbContext, int>(db => ReviewEverythingAsync(db, roundId, random));
        await TimeScoreTableAsync(database, applications, reviewsEach);
        return 0;
    }

    /// <summary>
    /// The same season, assigned once with the round's default bridging share and fully reviewed, in a database that is
    /// kept for the built app to serve (bench/http/ranking-page.sh): the demo season is the current one, so its admin
    /// opens the ranking page on this round. Prints the in-process score table's time for comparison with the page's.
    /// </summary>
    public static async Task<int> SeasonAsync(string keep, int applications, int reviewers, int reviewsEach, string? postgres)
    {
        Console.WriteLine($"review round season on {(postgres is null ? "SQLite" : "PostgreSQL")} in {keep}: {applications} applications, {reviewers} reviewers, {reviewsEach} reviews each");
        await using var database = await RushDatabase.CreateAsync(postgres, keep: keep);
        var random = new Random(5);
        var roundId = await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applications, reviewers, reviewsEach, random));
        await EmbedAheadAsync(database);
        var outcome = await database.RunAsync<AssignReviewers, AssignOutcome>(assign => assign.RunAsync(Actor.System, roundId));
        if (outcome.Refusal is not null || outcome.Assigned != applications * reviewsEach)
        {
            throw new InvalidOperationException($"The solver assigned {outcome.Assigned}: {outcome.Refusal}");
        }

        await database.RunAsync<CohortDbContext, int>(db => ReviewEverythingAsync(db, roundId, random));
        await TimeScoreTableAsync(database, applications, reviewsEach);
        Console.WriteLine($"kept: Database__Provider={database.Provider} ConnectionStrings__Cohort=\"{database.Connection}\"");
        return 0;
    }

    /// <summary>The calibrated score table of the general stage, three times, in process: the ranking page's core without HTTP or rendering.</summary>
    private static async Task TimeScoreTableAsync(RushDatabase database, int applications, int reviewsEach)
    {
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
    }

    /// <summary>
    /// What the background job does after the deadline (<see cref="EmbedSeasonTexts"/>): every sentence of the season's
    /// statements and expertise embedded through the cache, so the assignment reads vectors instead of refusing.
    /// </summary>
    private static async Task EmbedAheadAsync(RushDatabase database)
    {
        var clock = Stopwatch.StartNew();
        var units = await database.RunAsync<CohortDbContext, IReadOnlyList<string>>(db => SeasonTexts.UnitsAsync(db, CancellationToken.None));
        await database.RunAsync<EmbeddingCache, IReadOnlyList<float[]>>(cache => cache.GetOrComputeAsync(units));
        Console.WriteLine($"embed the season's {units.Count} distinct sentences ahead (the background job's work, model load included): {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Submitted applications whose motivation names a few topics, reviewers expert in some of them, a rubric and a draft round.</summary>
    private static async Task<int> SeasonAsync(CohortDbContext db, int applications, int reviewers, int reviewsEach, Random random)
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General);
        var motivation = form.Questions.First(q => q.Kind == QuestionKind.LongText).Id;
        var researchArea = form.Questions.Single(q => q.DefinesTopic);
        var areas = researchArea.Choices;
        foreach (var applicant in await DeadlineRush.AddAccountsAsync(db, applications, "review"))
        {
            int area = UnequalArea(random, areas.Count);
            var application = new Application { FormId = form.Id, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
            application.Answers.Add(new Answer { QuestionId = motivation, Value = $"I want to work on {Topics[area]}, {Pick(random)} and {Pick(random)}." });
            application.Answers.Add(new Answer { QuestionId = researchArea.Id, Value = areas[area] });
            db.Applications.Add(application);
        }

        var maxLoad = (int)Math.Ceiling(1.5 * applications * reviewsEach / reviewers);
        foreach (var reviewer in await DeadlineRush.AddAccountsAsync(db, reviewers, "reviewer", "reviewers.example.org"))
        {
            db.ReviewerProfiles.Add(new ReviewerProfile
            {
                SeasonId = season.Id, UserId = reviewer, Organisation = $"Lab {random.Next(20)}",
                ExpertiseText = $"{Topics[UnequalArea(random, areas.Count)]}\n{Pick(random)}", MaxLoad = maxLoad,
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

    /// <summary>One of <paramref name="count"/> areas, each 0.55 times as likely as the one before (of 8, the last about 1 in 65 as likely as the first).</summary>
    private static int UnequalArea(Random random, int count)
    {
        double total = Enumerable.Range(0, count).Sum(i => Math.Pow(0.55, i));
        double x = random.NextDouble() * total;
        for (int i = 0; i < count; i++)
        {
            x -= Math.Pow(0.55, i);
            if (x < 0)
            {
                return i;
            }
        }

        return count - 1;
    }
}
