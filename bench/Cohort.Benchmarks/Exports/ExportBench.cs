using System.Globalization;
using Cohort.Benchmarks.Applications;
using Cohort.Benchmarks.Match;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Exports;

/// <summary>
/// The full JSON export of a season of the model user's size, through <see cref="Exporter"/> as the admin page, the
/// CLI and the API run it: the match-run bench's season (general applications, three stream applications each,
/// reviews), with every general application answering every question of the demo form but the CV (a long answer of
/// about 120 words that names its applicant, so the blind view has redaction to do) and an attempt at each of the
/// two stage 2 assessments with its items scored. Each kind, identified and blind, written to a file three times.
/// </summary>
internal static class ExportBench
{

    public static async Task<int> RunAsync(int applicants, string? postgres)
    {
        Console.WriteLine($"exports on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applicants} applicants with every answer, 2 attempts and 3 stream applications each");
        await using var database = await RushDatabase.CreateAsync(postgres);
        await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applicants));
        await ExportTimings.PrintAsync(database, new[] { ("applications", ExportView.Identified), ("applications", ExportView.Blind), ("attempts", ExportView.Identified), ("stream-applications", ExportView.Identified) });
        return 0;
    }

    /// <summary>The same season in a database that is kept for the built app to serve (bench/http/api-applications.sh).</summary>
    public static async Task<int> SeasonAsync(string keep, int applicants, string? postgres)
    {
        Console.WriteLine($"exports season on {(postgres is null ? "SQLite" : "PostgreSQL")} in {keep}: {applicants} applicants");
        await using var database = await RushDatabase.CreateAsync(postgres, keep: keep);
        await database.RunAsync<CohortDbContext, int>(db => SeasonAsync(db, applicants));
        Console.WriteLine($"kept: Database__Provider={database.Provider} ConnectionStrings__Cohort=\"{database.Connection}\"");
        return 0;
    }

    internal static async Task<int> SeasonAsync(CohortDbContext db, int applicants)
    {
        await MatchRunBench.SeasonAsync(db, applicants, 120, new Random(6));
        var random = new Random(16);
        var questions = await db.Set<Question>().Where(q => q.Kind != QuestionKind.File).OrderBy(q => q.Position).ToListAsync();
        var assessments = await db.Assessments.Include(a => a.Items).Where(a => a.StreamId == null).ToListAsync();
        var applications = await db.Applications.Select(a => new { a.Id, a.ApplicantId }).ToListAsync();
        var now = DateTime.UtcNow;
        foreach (var (application, index) in applications.Select((a, i) => (a, i)))
        {
            var name = $"Rush Applicant {index}";
            db.Set<Answer>().AddRange(questions.Select(q => new Answer { ApplicationId = application.Id, QuestionId = q.Id, Value = AnswerTo(q, name, index, random) }));
            foreach (var assessment in assessments)
            {
                var attempt = new Attempt { AssessmentId = assessment.Id, ApplicantId = application.ApplicantId, StartedAt = now.AddHours(-2), Deadline = now.AddHours(-1), SubmittedAt = now.AddHours(-1), ClosedAt = now.AddHours(-1), UpdatedAt = now };
                attempt.Answers.AddRange(assessment.Items.Select(i => new AttemptAnswer
                {
                    ItemId = i.Id, Value = i.IsScoredAutomatically ? "1" : "An answer of a few words, written quickly.", SavedAt = now,
                    AutoPoints = i.IsScoredAutomatically ? Math.Round(random.NextDouble() * i.Points, 2) : null,
                }));
                attempt.AutoScore = attempt.Answers.Sum(a => a.AutoPoints ?? 0);
                db.Attempts.Add(attempt);
            }

            if (index % 250 == 249)
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
        await db.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, now));
        return 0;
    }

    private static readonly string[] Words = "model evaluation probe behaviour oversight training data result experiment careful measure deploy risk honest agent reward".Split(' ');

    private static string AnswerTo(Question question, string name, int index, Random random) => question.Kind switch
    {
        QuestionKind.Date => new DateOnly(1990, 1, 1).AddDays(random.Next(5000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuestionKind.SingleChoice => question.Choices[random.Next(question.Choices.Count)],
        QuestionKind.MultipleChoice => string.Join('\n', question.Choices.Where(_ => random.Next(3) == 0).DefaultIfEmpty(question.Choices[0])),
        QuestionKind.Url => $"https://example.org/people/{index}",
        QuestionKind.LongText => $"I am {name}. " + string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)])) + $" Write to rush-{index}@example.net.",
        _ => question.Identity == IdentityFlag.Name ? name : $"{Words[random.Next(Words.Length)]} {index}",
    };
}
