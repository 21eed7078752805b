using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Applications;

/// <summary>
/// The model user's deadline: every applicant autosaves a full draft and then submits it, all at once, through
/// Cohort's own use cases on a real database; then the admin opens the stage 1 table of everyone. Prints the
/// throughput and latency percentiles of each phase, and fails if any save or submission was refused.
/// </summary>
internal static class DeadlineRush
{
    public static async Task<int> RunAsync(int applicants, int concurrency, string? postgres)
    {
        Console.WriteLine($"deadline rush on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applicants} applicants, {concurrency} at a time");
        await using var database = await RushDatabase.CreateAsync(postgres);
        var (formId, answers) = await CompleteAnswersAsync(database);
        var ids = await database.RunAsync<CohortDbContext, List<string>>(db => AddAccountsAsync(db, applicants));

        // The CVs are uploaded first and not timed: they come in over the weeks before the deadline.
        await Phase.RunAsync(ids, concurrency, id => database.RunAsync<StoreUpload, bool>(async upload =>
            (await upload.RunAsync(id, formId, answers.FileKey, "cv.pdf", new MemoryStream("%PDF-1.7\n% CV\n%%EOF\n"u8.ToArray()))).Problem is null));

        var autosaves = await Phase.RunAsync(ids, concurrency, id => database.RunAsync<SaveDraft, bool>(async save =>
            (await save.RunAsync(id, formId, answers.Text)).Refusal is null));
        Console.WriteLine(autosaves.Describe("autosave of a whole draft"));
        var submissions = await Phase.RunAsync(ids, concurrency, id => database.RunAsync<SubmitApplication, bool>(async submit =>
            (await submit.RunAsync(id, formId)).Submitted));
        Console.WriteLine(submissions.Describe("submission"));

        var submitted = await database.RunAsync<CohortDbContext, int>(db => db.Applications.CountAsync(a => a.FormId == formId && a.State == ApplicationState.Submitted));
        var table = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var view = await database.RunAsync<FindApplications, PipelineView?>(find => find.RunAsync(StageKind.General, new PipelineFilter()));
            table.Add(clock.Elapsed.TotalMilliseconds);
            Check(view?.Rows.Count == submitted, $"the stage 1 table has {view?.Rows.Count} rows, not {submitted}");
        }

        Console.WriteLine($"stage 1 pipeline table of {submitted} applications: median {Phase.Percentile(table, 0.5):0} ms over 5 runs");
        Check(submitted == applicants && autosaves.Failures == 0 && submissions.Failures == 0,
            $"{submitted} of {applicants} submitted; {autosaves.Failures} autosaves and {submissions.Failures} submissions refused");
        return 0;
    }

    internal sealed record Answers(IReadOnlyDictionary<string, string> Text, string FileKey);

    /// <summary>A complete, valid answer to every question of the demo form, with essays of realistic length.</summary>
    internal static Task<(int FormId, Answers Answers)> CompleteAnswersAsync(RushDatabase database) =>
        database.RunAsync<CohortDbContext, (int, Answers)>(async db =>
        {
            var season = await db.Seasons.CurrentAsync() ?? throw new InvalidOperationException("The demo season is missing.");
            var form = await db.ApplicationForms.AsNoTracking().Include(f => f.Questions).SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General);
            var essay = string.Join(' ', Enumerable.Repeat("I measured how a probe's accuracy changed as the training set shrank.", 30));
            var text = form.Questions.Where(q => q.Kind != QuestionKind.File).ToDictionary(q => q.Key, q => q.Kind switch
            {
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice => q.Choices[0],
                QuestionKind.Url => "https://example.org/work",
                QuestionKind.Date => season.ProgrammeStart.AddYears(-(season.MinimumAge + 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                QuestionKind.LongText when q.MaxWords > 0 => string.Join(' ', essay.Split(' ').Take(q.MaxWords)),
                QuestionKind.LongText => essay,
                _ => "Rush Applicant",
            });
            return (form.Id, new Answers(text, form.Questions.Single(q => q.Kind == QuestionKind.File).Key));
        });

    /// <summary>
    /// Accounts (applicants, reviewers, a mentor) made straight in the table: hashing thousands of passwords would time
    /// the hashing, not the rush.
    /// </summary>
    internal static async Task<List<string>> AddAccountsAsync(CohortDbContext db, int count, string prefix = "rush", string domain = "example.net")
    {
        var users = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}@{domain}").Select(email => new CohortUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Rush Applicant", SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}

/// <summary>One phase of the rush: the same operation for every applicant, a fixed number at a time, each one timed.</summary>
internal sealed record Phase(int Operations, int Failures, TimeSpan Wall, IReadOnlyList<double> LatenciesMs)
{
    public static async Task<Phase> RunAsync(IReadOnlyList<string> ids, int concurrency, Func<string, Task<bool>> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
        {
            var clock = Stopwatch.StartNew();
            if (!await operation(id))
            {
                Interlocked.Increment(ref failures);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
        });
        return new(ids.Count, failures, wall.Elapsed, latencies.ToList());
    }

    public string Describe(string what) =>
        $"{what}: {Operations / Wall.TotalSeconds:0} per second ({Operations} in {Wall.TotalSeconds:0.0} s); latency p50 {Percentile(LatenciesMs, 0.5):0} ms, " +
        $"p95 {Percentile(LatenciesMs, 0.95):0} ms, p99 {Percentile(LatenciesMs, 0.99):0} ms, max {LatenciesMs.Max():0} ms; {Failures} refused";

    public static double Percentile(IReadOnlyList<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }
}
