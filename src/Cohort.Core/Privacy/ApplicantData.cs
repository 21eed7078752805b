using System.Text.Json;
using System.Text.Json.Serialization;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

/// <summary>
/// Everything the database holds about one applicant, as they are entitled to read it (docs/decisions/privacy.md):
/// their account without its secrets, every application with its answers and file names, attempts, decisions, stream
/// preferences, offers, follow-ups, the mail sent to them and the audit entries about them. Reviews of them give
/// scores and recommendations, never the reviewer nor the comment; the audit names no one but the applicant.
/// </summary>
public static class ApplicantData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = ReadableJson.Encoder,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The actor shown for an audit entry someone else made about the applicant: staff's identities are theirs.</summary>
    public const string SomeoneElse = "the programme";

    public static async Task<ApplicantDataExport?> CollectAsync(CohortDbContext db, string applicantId, DateTime now, CancellationToken cancellation)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == applicantId, cancellation);
        if (user is null)
        {
            return null;
        }

        var roles = await ApplicantRecords.RolesAsync(db, applicantId, cancellation);
        var account = new AccountData(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.TimeZoneId, user.CreatedAt, roles);

        var applications = await db.Applications.AsNoTracking().Include(a => a.Form).Include(a => a.Answers).ThenInclude(a => a.File)
            .Where(a => a.ApplicantId == applicantId).OrderBy(a => a.Id).ToListAsync(cancellation);
        var formIds = applications.Select(a => a.FormId).ToList();
        var questions = await db.Set<Question>().AsNoTracking().Where(q => formIds.Contains(q.FormId)).ToDictionaryAsync(q => q.Id, q => q.Prompt, cancellation);
        var general = applications.Select(a => new ApplicationData(a.Id, a.Form!.Title, a.State, a.CreatedAt, a.SubmittedAt, a.UpdatedAt,
            a.Answers.OrderBy(x => x.Id).Select(x => new AnswerData(questions.GetValueOrDefault(x.QuestionId, $"question {x.QuestionId}"), x.Value, x.File?.FileName)).ToList())).ToList();

        var streamApplications = await db.StreamApplications.AsNoTracking().Where(a => a.ApplicantId == applicantId).OrderBy(a => a.Id)
            .Select(a => new StreamApplicationData(a.Id, a.Stream!.Name, a.State, a.CreatedAt, a.SubmittedAt, a.UpdatedAt)).ToListAsync(cancellation);
        var streamAnswers = await db.StreamAnswers.AsNoTracking().Where(a => a.ApplicantId == applicantId)
            .Join(db.StreamQuestions, a => a.QuestionId, q => q.Id, (a, q) => new StreamAnswerData(q.Prompt, a.Value, a.UpdatedAt)).ToListAsync(cancellation);

        var decisions = await db.StageEntries.AsNoTracking().Where(e => e.ApplicantId == applicantId).OrderBy(e => e.Id)
            .Select(e => new StageDecisionData(e.Stage!.Name, e.State, e.CreatedAt, e.UpdatedAt)).ToListAsync(cancellation);

        var attempts = await db.Attempts.AsNoTracking().Include(a => a.Assessment).Include(a => a.Answers)
            .Where(a => a.ApplicantId == applicantId).OrderBy(a => a.Id).ToListAsync(cancellation);
        var answerIds = attempts.SelectMany(a => a.Answers).Select(a => a.Id).ToList();
        var points = await db.AnswerReviews.AsNoTracking().Where(r => answerIds.Contains(r.AnswerId))
            .Select(r => new { r.AnswerId, r.Points }).ToListAsync(cancellation);
        var attemptData = attempts.Select(a => new AttemptData(a.Assessment!.Title, a.StartedAt, a.Deadline, a.SubmittedAt, a.ClosedAt, a.AutoScore,
            a.Answers.OrderBy(x => x.ItemId).Select(x => new AttemptAnswerData(x.ItemId, x.Value, x.SavedAt, x.AutoPoints,
                points.Where(p => p.AnswerId == x.Id).Select(p => p.Points).ToList())).ToList())).ToList();

        var generalIds = applications.Select(a => a.Id).ToList();
        var streamIds = streamApplications.Select(a => a.Id).ToList();
        var reviews = await ApplicantRecords.ReviewsOf(db, db.Applications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id),
                db.StreamApplications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id))
            .OrderBy(s => s.Id)
            .Select(s => new ReviewData(db.ReviewAssignments.Where(a => a.Id == s.AssignmentId).Select(a => a.Round!.Name).Single(), s.Recommendation.ToString(), s.Overall, s.SubmittedAt,
                s.Scores.Join(db.Set<Review.RubricCriterion>(), c => c.CriterionId, c => c.Id, (c, criterion) => new CriterionScoreData(criterion.Name, c.Value)).ToList()))
            .ToListAsync(cancellation);

        var preferences = await db.ApplicantStreamPreferences.AsNoTracking().Where(p => p.ApplicantId == applicantId).OrderBy(p => p.Position)
            .Join(db.StreamApplications, p => p.StreamApplicationId, a => a.Id, (p, a) => new PreferenceData(p.Position, a.Stream!.Name)).ToListAsync(cancellation);
        var projectPreferences = await db.FellowProjectPreferences.AsNoTracking().Where(p => p.ApplicantId == applicantId).OrderBy(p => p.Position)
            .Join(db.Projects, p => p.ProjectId, p => p.Id, (p, project) => new PreferenceData(p.Position, project.Title)).ToListAsync(cancellation);
        var offers = await db.Offers.AsNoTracking().Where(o => o.ApplicantId == applicantId).OrderBy(o => o.Id)
            .Join(db.Streams, o => o.StreamId, s => s.Id, (o, s) => new OfferData(s.Name, o.State, o.CreatedAt, o.RespondBy, o.RespondedAt)).ToListAsync(cancellation);
        var unplaced = await db.UnplacedApplicants.AsNoTracking().Where(u => u.ApplicantId == applicantId).OrderBy(u => u.Id)
            .Select(u => u.Explanation).ToListAsync(cancellation);

        var interviews = await db.InterviewSlots.AsNoTracking().Where(s => s.BookedById == applicantId).OrderBy(s => s.StartsAt)
            .Join(db.Streams, s => s.StreamId, t => t.Id, (s, t) => new InterviewData(t.Name, s.StartsAt, s.Minutes, s.Location, s.BookedAt)).ToListAsync(cancellation);
        var workTests = await db.WorkTestSubmissions.AsNoTracking().Where(s => s.ApplicantId == applicantId).OrderBy(s => s.Id)
            .Select(s => new WorkTestData(s.WorkTestId, s.Url, s.File == null ? null : s.File.FileName, s.SubmittedAt)).ToListAsync(cancellation);
        var files = await db.StoredFiles.AsNoTracking().Where(f => f.OwnerId == applicantId).OrderBy(f => f.Id)
            .Select(f => new FileData(f.FileName, f.ContentType, f.Length, f.UploadedAt)).ToListAsync(cancellation);

        var email = user.Email ?? "";
        // A sensitive message (a reset or confirmation link) may still be live: its subject is listed, its body never.
        var mail = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id)
            .Select(m => new MailData(m.Subject, m.Sensitive ? null : m.Body, m.CreatedAt, m.SentAt)).ToListAsync(cancellation);

        var audit = await AboutAsync(db, applicantId, email, generalIds, streamIds, attempts.Select(a => a.Id).ToList(), cancellation);

        var fellowships = await FellowData.CollectAsync(db, applicantId, cancellation);

        return new ApplicantDataExport(now, account, general, streamApplications, streamAnswers, decisions, attemptData, reviews, preferences,
            projectPreferences, offers, unplaced, interviews, workTests, fellowships, files, mail, audit);
    }

    /// <summary>The audit entries the applicant made or that name them or one of their records; another actor is not named.</summary>
    private static async Task<List<AuditData>> AboutAsync(CohortDbContext db, string applicantId, string email,
        List<int> generalIds, List<int> streamIds, List<int> attemptIds, CancellationToken cancellation)
    {
        var subjects = generalIds.Select(id => $"application:{id}")
            .Concat(streamIds.Select(id => $"stream-application:{id}"))
            .Concat(attemptIds.Select(id => $"attempt:{id}"))
            .Append($"user:{email}").Append($"user:{applicantId}").ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == applicantId || subjects.Contains(e.Subject) || e.Details.Contains(email) || e.Subject.Contains(email))
            .OrderBy(e => e.Id).ToListAsync(cancellation);
        return entries.Select(e => new AuditData(e.At, e.ActorId == applicantId ? e.Actor : SomeoneElse, e.Action, e.Subject, e.Details)).ToList();
    }

    public static string ToJson(ApplicantDataExport data) => JsonSerializer.Serialize(data, Json);
}

public sealed record ApplicantDataExport(
    DateTime GeneratedAt, AccountData Account, IReadOnlyList<ApplicationData> Applications, IReadOnlyList<StreamApplicationData> StreamApplications,
    IReadOnlyList<StreamAnswerData> StreamAnswers, IReadOnlyList<StageDecisionData> StageDecisions, IReadOnlyList<AttemptData> AssessmentAttempts,
    IReadOnlyList<ReviewData> Reviews, IReadOnlyList<PreferenceData> StreamPreferences, IReadOnlyList<PreferenceData> ProjectPreferences,
    IReadOnlyList<OfferData> Offers, IReadOnlyList<string> MatchExplanations, IReadOnlyList<InterviewData> Interviews,
    IReadOnlyList<WorkTestData> WorkTests, IReadOnlyList<FellowshipData> Fellowships, IReadOnlyList<FileData> Files, IReadOnlyList<MailData> Mail, IReadOnlyList<AuditData> Audit);

public sealed record AccountData(string Id, string Email, string DisplayName, bool EmailConfirmed, string? TimeZone, DateTime CreatedAt, IReadOnlyList<string> Roles);
public sealed record ApplicationData(int Id, string Form, ApplicationState State, DateTime CreatedAt, DateTime? SubmittedAt, DateTime UpdatedAt, IReadOnlyList<AnswerData> Answers);
public sealed record AnswerData(string Question, string Value, string? FileName);
public sealed record StreamApplicationData(int Id, string Stream, ApplicationState State, DateTime CreatedAt, DateTime? SubmittedAt, DateTime UpdatedAt);
public sealed record StreamAnswerData(string Question, string Value, DateTime UpdatedAt);
public sealed record StageDecisionData(string Stage, ApplicationState State, DateTime CreatedAt, DateTime UpdatedAt);
public sealed record AttemptData(string Assessment, DateTime StartedAt, DateTime Deadline, DateTime? SubmittedAt, DateTime? ClosedAt, double? AutoScore, IReadOnlyList<AttemptAnswerData> Answers);
public sealed record AttemptAnswerData(int Item, string Value, DateTime SavedAt, double? AutoPoints, IReadOnlyList<double> ReviewerPoints);
public sealed record ReviewData(string Round, string Recommendation, double Overall, DateTime SubmittedAt, IReadOnlyList<CriterionScoreData> Scores);
public sealed record CriterionScoreData(string Criterion, int Value);
public sealed record PreferenceData(int Position, string Choice);
public sealed record OfferData(string Stream, Match.OfferState State, DateTime CreatedAt, DateTime RespondBy, DateTime? RespondedAt);
public sealed record InterviewData(string Stream, DateTime StartsAt, int Minutes, string Location, DateTime? BookedAt);
public sealed record WorkTestData(int WorkTest, string? Url, string? FileName, DateTime SubmittedAt);
public sealed record FileData(string FileName, string ContentType, long Length, DateTime UploadedAt);
public sealed record MailData(string Subject, string? Body, DateTime CreatedAt, DateTime? SentAt);
public sealed record AuditData(DateTime At, string Actor, string Action, string Subject, string Details);
