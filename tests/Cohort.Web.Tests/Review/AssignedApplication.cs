using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// A submitted general application whose identity fields each hold a unique canary, assigned in a review round to a
/// reviewer, put straight into the database: the setup of the blind review tests.
/// </summary>
public sealed record AssignedApplication(int AssignmentId, int RoundId, string ApplicantId, IReadOnlyList<RubricCriterion> Criteria, Canaries Canaries, byte[] Cv)
{
    public const string HiddenKey = "location";
    public static readonly byte[] PdfBytes = "%PDF-1.4\n% a tiny test CV\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// Seeds it for <paramref name="reviewerEmail"/> (the demo reviewer by default), with <paramref name="motivation"/> as the
    /// free-text answer, in a round of <paramref name="stage"/> (stage 2: the application awaits its assessments' decision).
    /// </summary>
    public static async Task<AssignedApplication> SeedAsync(CohortDbContext db, DateTime now, ReviewRoundState state = ReviewRoundState.Open,
        string? reviewerEmail = null, string? motivation = null, StageKind stage = StageKind.General)
    {
        var canaries = Canaries.New();
        var applicantId = await AssessmentStageAttempts.AccountAsync(db, canaries.Name, canaries.Email);
        var reviewerId = reviewerEmail is null ? await DemoReviewerIdAsync(db) : await db.Users.Where(u => u.Email == reviewerEmail).Select(u => u.Id).SingleAsync();
        var seasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.Kind == FormKind.General && f.SeasonId == seasonId);
        var file = new StoredFile { OwnerId = applicantId, FileName = canaries.CvFileName, ContentType = "application/pdf", Length = PdfBytes.Length, Content = PdfBytes, UploadedAt = now };
        var application = new Application
        {
            FormId = form.Id, ApplicantId = applicantId, SubmittedAt = now,
            State = stage == StageKind.General ? ApplicationState.Submitted : ApplicationState.Advanced,
        };
        var values = new Dictionary<string, string>
        {
            ["full-name"] = canaries.Name,
            ["date-of-birth"] = canaries.DateOfBirth,
            ["organisation"] = canaries.Institution,
            [HiddenKey] = canaries.IdentityAnswer,
            ["current-role"] = "Student",
            ["interests"] = "Interpretability\nEvaluations",
            ["motivation"] = motivation ?? canaries.Motivation,
            ["best-work"] = canaries.Url,
        };
        foreach (var question in form.Questions)
        {
            if (question.Kind == QuestionKind.File)
            {
                application.Answers.Add(new Answer { QuestionId = question.Id, File = file });
            }
            else if (values.TryGetValue(question.Key, out var value))
            {
                application.Answers.Add(new Answer { QuestionId = question.Id, Value = value });
            }
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        if (stage != StageKind.General)
        {
            await GeneralApplications.PutAssessmentEntryAsync(db, application.Id, ApplicationState.Submitted);
        }

        var (assignmentId, roundId, criteria) = await AssignAsync(db, now, stage, null, application.Id, reviewerId, state);
        return new(assignmentId, roundId, applicantId, criteria, canaries, PdfBytes);
    }

    /// <summary>A round of <paramref name="stage"/> with a two-criterion rubric, and one assignment of <paramref name="subjectId"/> in it to the reviewer.</summary>
    public static async Task<(int AssignmentId, int RoundId, IReadOnlyList<RubricCriterion> Criteria)> AssignAsync(CohortDbContext db, DateTime now,
        StageKind stage, int? streamId, int subjectId, string reviewerId, ReviewRoundState state = ReviewRoundState.Open)
    {
        var seasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        var rubric = new Rubric { SeasonId = seasonId, Name = $"Rubric {Guid.NewGuid():N}"[..20] };
        rubric.Criteria.Add(new RubricCriterion { Position = 0, Name = "Research taste", ScaleMin = 1, ScaleMax = 5, Weight = 2, AnchorsText = "1: Picks questions at random\n5: Picks the question that matters" });
        rubric.Criteria.Add(new RubricCriterion { Position = 1, Name = "Technical depth", ScaleMin = 0, ScaleMax = 10, Weight = 0.5 });
        var round = new ReviewRound { SeasonId = seasonId, Stage = stage, StreamId = streamId, Name = "First reading", Rubric = rubric, State = state, CreatedAt = now, DueAt = now.AddDays(7) };
        db.ReviewRounds.Add(round);
        await db.SaveChangesAsync();
        var assignment = new ReviewAssignment { RoundId = round.Id, SubjectId = subjectId, ReviewerId = reviewerId, AssignedAt = now };
        db.ReviewAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return (assignment.Id, round.Id, rubric.Criteria.OrderBy(c => c.Position).ToList());
    }

    public static Task<string> DemoReviewerIdAsync(CohortDbContext db)
    {
        var email = DemoSeason.Accounts.Single(a => a.Role == Core.Accounts.Roles.Reviewer).Email;
        return db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Saves the season's blind settings: everything hidden, and the <see cref="HiddenKey"/> question too.</summary>
    public static Task HideEverythingAsync(CohortDbContext db) => HideAsync(db, HiddenKey);

    /// <summary>Saves the season's blind settings: everything hidden, the CV withheld, and the questions of <paramref name="keys"/>.</summary>
    public static Task HideAsync(CohortDbContext db, params string[] keys) => SaveSettingsAsync(db, new BlindSettings { HiddenQuestionKeysText = string.Join('\n', keys) });

    /// <summary>Saves <paramref name="wanted"/>'s choices as the current season's blind settings, replacing any saved before.</summary>
    public static async Task SaveSettingsAsync(CohortDbContext db, BlindSettings wanted)
    {
        var seasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        await db.BlindSettings.Where(s => s.SeasonId == seasonId).ExecuteDeleteAsync();
        wanted.SeasonId = seasonId;
        db.BlindSettings.Add(wanted);
        await db.SaveChangesAsync();
    }
}

/// <summary>Unique strings planted in every identity field, so a test can assert that none reaches a reviewer.</summary>
public sealed record Canaries(string Name, string Email, string CvFileName, string Url, string IdentityAnswer, string LinkInText, string Visible,
    string Institution, string DateOfBirth)
{
    private static string Unique(string what) => $"{what}{Guid.NewGuid():N}"[..(what.Length + 12)];

    public static Canaries New() => new(
        $"Zelda {Unique("quorn")}", $"{Unique("mailcanary")}@example.net", $"{Unique("cvcanary")}.pdf", $"https://{Unique("urlcanary")}.example.org/work",
        Unique("idcanary"), $"https://{Unique("textlinkcanary")}.example.org/", Unique("visible"),
        $"Institute of {Unique("instcanary")}", $"19{Random.Shared.Next(70, 99)}-0{Random.Shared.Next(1, 9)}-1{Random.Shared.Next(0, 9)}");

    /// <summary>A free-text answer that mentions the name, the email, the institution and a link, around text that must stay visible.</summary>
    public string Motivation => $"I am {Name} ({Email}) of {Institution}; my notes are at {LinkInText} and {Visible} is why I apply.";

    /// <summary>Each field whole and each unique part of it alone, so a field shown in part is caught too.</summary>
    public IEnumerable<string> Secrets =>
        new[] { Name, Email, CvFileName, Url, IdentityAnswer, LinkInText, Institution, DateOfBirth }
            .Concat(System.Text.RegularExpressions.Regex.Matches(string.Join(' ', Name, Email, CvFileName, Url, LinkInText, Institution),
                "[a-z]+canary[0-9a-f]{12}|quorn[0-9a-f]{12}|Zelda").Select(m => m.Value));
}
