using System.Diagnostics;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Preferences;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Match;

/// <summary>
/// The what-if loop at the model user's size, through the use case the match page calls: stage 3 applicants who each
/// applied to three of the demo season's streams, both sides' rankings, a closed review round per stream with two
/// reviews of each application, about 120 seats; then "Run the match" (load the rankings, solve, certify, explain
/// every applicant, store the run), three times stable with applicants proposing and three times optimal on scores
/// (which also reads every stream's calibrated score table).
/// </summary>
internal static class MatchRunBench
{
    public static async Task<int> RunAsync(int applicants, int seats, string? postgres)
    {
        Console.WriteLine($"match run on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applicants} applicants, 3 streams each, {seats} seats");
        await using var database = await RushDatabase.CreateAsync(postgres);
        await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applicants, seats, new Random(6)));

        foreach (var algorithm in new[] { MatchAlgorithm.CandidatesPropose, MatchAlgorithm.Scores })
        {
            var times = new List<double>();
            MatchRun? run = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var clock = Stopwatch.StartNew();
                run = await database.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Actor.System, algorithm));
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (run is not { Certified: true })
            {
                throw new InvalidOperationException($"The {algorithm.Describe(MatchKind.Streams)} run was not certified.");
            }

            Console.WriteLine($"run the match, {algorithm.Describe(MatchKind.Streams)} ({run.Matched} matched, {run.Unmatched} unmatched, certified): {string.Join(", ", times.Select(ms => $"{ms:0} ms"))}");
        }

        return 0;
    }

    /// <summary>The season the match runs on; the backup bench backs up the same.</summary>
    internal static async Task<int> SeasonAsync(CohortDbContext db, int applicants, int seats, Random random)
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var form = await db.ApplicationForms.SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General);
        var streams = await db.Streams.Where(s => s.Track!.SeasonId == season.Id).ToListAsync();
        foreach (var stream in streams)
        {
            stream.Capacity = seats / streams.Count;
        }

        var assessmentStages = await AssessmentEntries.StagesOf(db, season.Id).ToListAsync();
        var mentor = (await DeadlineRush.AddAccountsAsync(db, 1, "mentor", "mentors.example.org"))[0];
        var quality = new Dictionary<string, double>();
        var choices = new List<(string Applicant, StreamApplication Application, int Position)>();
        foreach (var applicant in await DeadlineRush.AddAccountsAsync(db, applicants, "stage3"))
        {
            quality[applicant] = random.NextDouble();
            db.Applications.Add(new Application { FormId = form.Id, ApplicantId = applicant, State = ApplicationState.Advanced });
            AssessmentEntries.Place(db, [], assessmentStages, applicant, ApplicationState.Advanced, DateTime.UtcNow);
            foreach (var (stream, position) in streams.OrderBy(_ => random.Next()).Take(3).Select((s, i) => (s, i + 1)))
            {
                var application = new StreamApplication { StreamId = stream.Id, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
                db.StreamApplications.Add(application);
                choices.Add((applicant, application, position));
            }
        }

        await db.SaveChangesAsync();
        db.ApplicantStreamPreferences.AddRange(choices.Select(c => new ApplicantStreamPreference { ApplicantId = c.Applicant, StreamApplicationId = c.Application.Id, Position = c.Position }));
        foreach (var stream in streams)
        {
            // Streams rank by a noisy view of the applicant's quality, so their lists differ from one another.
            var ranked = await db.StreamApplications.Where(a => a.StreamId == stream.Id).Select(a => new { a.Id, a.ApplicantId }).ToListAsync();
            db.StreamPreferences.AddRange(ranked.OrderByDescending(a => quality[a.ApplicantId] + (random.NextDouble() * 0.3)).Select((a, i) => new StreamPreference
            {
                StreamId = stream.Id, StreamApplicationId = a.Id, Position = i + 1, UpdatedById = mentor, UpdatedAt = DateTime.UtcNow,
            }));
        }

        await db.SaveChangesAsync();
        await ReviewAsync(db, season.Id, streams, quality, random);
        return 0;
    }

    /// <summary>A closed round per stream in which two of ten reviewers scored each application from its applicant's quality, with noise.</summary>
    private static async Task ReviewAsync(CohortDbContext db, int seasonId, List<Core.Catalogue.ResearchStream> streams, Dictionary<string, double> quality, Random random)
    {
        var reviewers = await DeadlineRush.AddAccountsAsync(db, 10, "reviewer", "reviewers.example.org");
        var rubric = new Rubric { SeasonId = seasonId, Name = "Stream read", Criteria = { new RubricCriterion { Name = "Overall", ScaleMin = 0, ScaleMax = 10 } } };
        var now = DateTime.UtcNow;
        foreach (var stream in streams)
        {
            var round = new ReviewRound { SeasonId = seasonId, Stage = StageKind.Streams, StreamId = stream.Id, Name = $"{stream.Name} read", Rubric = rubric, State = ReviewRoundState.Closed, CreatedAt = now };
            var applications = await db.StreamApplications.Where(a => a.StreamId == stream.Id).Select(a => new { a.Id, a.ApplicantId }).ToListAsync();
            round.Assignments.AddRange(applications.SelectMany(a => reviewers.OrderBy(_ => random.Next()).Take(2).Select(reviewer => new ReviewAssignment
            {
                SubjectId = a.Id, ReviewerId = reviewer, State = AssignmentState.Submitted, AssignedAt = now,
                Review = new ReviewSubmission { Recommendation = Recommendation.Borderline, Overall = Math.Round(Math.Clamp((10 * quality[a.ApplicantId]) + (random.NextDouble() * 3) - 1.5, 0, 10)), SubmittedAt = now, UpdatedAt = now },
            })));
            db.ReviewRounds.Add(round);
        }

        await db.SaveChangesAsync();
    }
}
