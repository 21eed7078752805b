using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>An answer to a question, with the name of its file when it is one (never the file itself).</summary>
public sealed record GivenAnswer(QuestionDefinition Question, string Value, int? FileId = null, string? FileName = null);

/// <summary>
/// Turns one applicant's stored answers into what a blind reviewer may see, under the season's settings: hidden
/// questions, answers flagged with a hidden kind of identity, the CV when withheld, and empty answers are dropped;
/// links are shown only when links are; and every free-text answer goes through the applicant's
/// <see cref="BlindRedaction"/>. Every reviewer view (a review assignment, its API, the scoring of an assessment
/// answer) reads through one of these, so none can show more than another.
/// </summary>
public sealed class BlindReader
{
    private readonly BlindRedaction redaction;

    private BlindReader(BlindSettings settings, string applicantName, string applicantEmail, IReadOnlyList<GivenAnswer> general, BlindRedaction redaction)
    {
        (Settings, General, this.redaction) = (settings, general, redaction);
        Name = settings.HideName ? null : applicantName;
        Email = settings.HideContact ? null : applicantEmail;
    }

    public BlindSettings Settings { get; }

    /// <summary>The applicant's name, or null when the settings hide it.</summary>
    public string? Name { get; }

    /// <summary>The applicant's email address, or null when the settings hide contact details.</summary>
    public string? Email { get; }

    /// <summary>The applicant's general application in the season, every question in order (unanswered ones empty), unread.</summary>
    public IReadOnlyList<GivenAnswer> General { get; }

    /// <summary>The reader for <paramref name="applicantId"/>'s answers in season <paramref name="seasonId"/>.</summary>
    public static Task<BlindReader> ForAsync(CohortDbContext db, int seasonId, string applicantId, CancellationToken cancellation) =>
        ForAsync(db, seasonId, seasonId, applicantId, cancellation);

    /// <summary>
    /// The reader under the settings of season <paramref name="seasonId"/> (the reviewers'), redacting the identity the
    /// applicant gave in season <paramref name="answersSeasonId"/>: a fellow's, for a review of their extension application.
    /// </summary>
    public static async Task<BlindReader> ForAsync(CohortDbContext db, int seasonId, int answersSeasonId, string applicantId, CancellationToken cancellation)
    {
        var settings = await BlindApplication.SettingsAsync(db, seasonId, cancellation);
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == applicantId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellation);
        var general = await GeneralAnswersAsync(db, applicantId, answersSeasonId, cancellation);
        var elsewhere = await FlaggedElsewhereAsync(db, answersSeasonId, [applicantId], cancellation);
        return Of(settings, applicant.DisplayName, applicant.Email ?? "", general, elsewhere[applicantId]);
    }

    /// <summary>
    /// The reader for answers already loaded, for a caller reading many applicants at once (an export):
    /// <paramref name="flaggedElsewhere"/> is the applicant's part of <see cref="FlaggedElsewhereAsync"/>.
    /// </summary>
    public static BlindReader Of(BlindSettings settings, string applicantName, string applicantEmail, IReadOnlyList<GivenAnswer> general, IEnumerable<(IdentityFlag Flag, string Value)> flaggedElsewhere)
    {
        var flagged = general.Where(g => g.Question.Identity != IdentityFlag.None).Select(g => (g.Question.Identity, g.Value)).Concat(flaggedElsewhere);
        return new BlindReader(settings, applicantName, applicantEmail, general, new BlindRedaction(settings, applicantName, flagged));
    }

    /// <summary>True when <paramref name="settings"/> hide every answer to <paramref name="question"/>: its key is listed, or its identity flag hidden.</summary>
    public static bool HidesQuestion(BlindSettings settings, QuestionDefinition question) =>
        settings.HiddenQuestionKeys.Contains(question.Key, StringComparer.Ordinal) || settings.Hides(question.Identity);

    /// <summary>An answer to a general or stream question as the reviewer sees it; null when it is hidden or empty.</summary>
    public BlindAnswer? Read(GivenAnswer given)
    {
        var question = given.Question;
        if (HidesQuestion(Settings, question) || (given.Value.Trim().Length == 0 && given.FileId is null))
        {
            return null;
        }

        return question.Kind switch
        {
            QuestionKind.File => given.FileId is null || Settings.HideCv ? null
                : new(question.Prompt, Settings.HideCvFileName ? BlindApplication.CvLabel : given.FileName ?? BlindApplication.CvLabel, BlindAnswerKind.Document),
            QuestionKind.Url => Link(question.Prompt, given.Value),
            QuestionKind.MultipleChoice => new(question.Prompt, string.Join(", ", AnswerRules.Lines(given.Value)), BlindAnswerKind.Text),
            _ => new(question.Prompt, redaction.Apply(given.Value), BlindAnswerKind.Text),
        };
    }

    /// <summary>An answer to an assessment item as the reviewer sees it; null when it is hidden or empty.</summary>
    public BlindAnswer? Read(AssessmentItem item, string value) => value.Trim().Length == 0 || Settings.Hides(item.Identity) ? null : item.Kind switch
    {
        ItemKind.File => Link(item.Prompt, value),
        ItemKind.Code => new(item.Prompt, redaction.Apply(value), BlindAnswerKind.Code),
        ItemKind.Ordering => new(item.Prompt, string.Join(", ", item.Choices.Zip(AnswerRules.Lines(value), (option, place) => $"{option}: {place}")), BlindAnswerKind.Text),
        _ => new(item.Prompt, redaction.Apply(value), BlindAnswerKind.Text),
    };

    private BlindAnswer Link(string prompt, string value) => Settings.HideUrls
        ? new(prompt, BlindRedaction.LinkHidden, BlindAnswerKind.Text)
        : new(prompt, redaction.Apply(value.Trim()), BlindAnswerKind.Url);

    private static async Task<List<GivenAnswer>> GeneralAnswersAsync(CohortDbContext db, string applicantId, int seasonId, CancellationToken cancellation)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.ApplicantId == applicantId && a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General, cancellation);
        if (application is null)
        {
            return [];
        }

        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.FormId == application.FormId).OrderBy(q => q.Position).ToListAsync(cancellation);
        var fileIds = application.Answers.Where(a => a.FileId is not null).Select(a => a.FileId!.Value).ToList();
        var fileNames = await db.StoredFiles.Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellation);
        return questions.Select(q => application.Answers.SingleOrDefault(a => a.QuestionId == q.Id) is { } answer
                ? new GivenAnswer(q, answer.Value, answer.FileId, answer.FileId is { } id ? fileNames.GetValueOrDefault(id) : null)
                : new GivenAnswer(q, ""))
            .ToList();
    }

    /// <summary>
    /// The answers of <paramref name="applicantIds"/> to flagged stream questions and assessment items of the season,
    /// by applicant: their words are redacted from everything else the applicant wrote.
    /// </summary>
    public static async Task<ILookup<string, (IdentityFlag Flag, string Value)>> FlaggedElsewhereAsync(
        CohortDbContext db, int seasonId, IReadOnlyCollection<string> applicantIds, CancellationToken cancellation)
    {
        var stream = await db.StreamAnswers.AsNoTracking().Where(a => applicantIds.Contains(a.ApplicantId))
            .Join(db.StreamQuestions.Where(q => q.SeasonId == seasonId && q.Identity != IdentityFlag.None), a => a.QuestionId, q => q.Id, (a, q) => new { a.ApplicantId, q.Identity, a.Value })
            .ToListAsync(cancellation);
        var items = await db.Set<AttemptAnswer>().AsNoTracking()
            .Join(db.Attempts.Where(x => applicantIds.Contains(x.ApplicantId) && x.Assessment!.Track!.SeasonId == seasonId), a => a.AttemptId, x => x.Id, (a, x) => new { a.ItemId, x.ApplicantId, a.Value })
            .Join(db.Set<AssessmentItem>().Where(i => i.Identity != IdentityFlag.None), a => a.ItemId, i => i.Id, (a, i) => new { a.ApplicantId, i.Identity, a.Value })
            .ToListAsync(cancellation);
        return stream.Concat(items).ToLookup(a => a.ApplicantId, a => (a.Identity, a.Value));
    }
}
