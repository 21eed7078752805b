using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

public enum BlindAnswerKind
{
    Text,

    /// <summary>A web address the settings let reviewers see; shown as a link only when it is http or https.</summary>
    Url,

    Code,

    /// <summary>The CV, downloaded through the assignment under a neutral file name.</summary>
    Document,
}

/// <summary>One answer as a reviewer may see it: identity already taken out.</summary>
public sealed record BlindAnswer(string Prompt, string Text, BlindAnswerKind Kind);

public sealed record BlindSection(string Title, IReadOnlyList<BlindAnswer> Answers);

/// <summary>
/// An application as a reviewer reads it: the applicant's name and email only where the season's blind settings
/// show them (null otherwise), and the answers the stage reviews. Built on the server from the settings, so pages
/// and the API show the same thing and nothing hidden ever leaves it.
/// </summary>
public sealed record BlindApplication(string? Name, string? Email, IReadOnlyList<BlindSection> Sections)
{
    public const string CvLabel = "CV (PDF)";

    /// <summary>The season's settings, or, before an admin saved any, the default that hides every identity field.</summary>
    public static async Task<BlindSettings> SettingsAsync(CohortDbContext db, int seasonId, CancellationToken cancellation) =>
        await db.BlindSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SeasonId == seasonId, cancellation) ?? new BlindSettings { SeasonId = seasonId };

    /// <summary>What the reviewer of <paramref name="assignment"/> (loaded with its round) reads.</summary>
    public static async Task<BlindApplication> ReadAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation)
    {
        var round = assignment.Round!;
        var settings = await SettingsAsync(db, round.SeasonId, cancellation);
        var applicantId = await ApplicantIdAsync(db, assignment, cancellation);
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == applicantId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellation);
        var reader = new Reader(settings, new BlindRedaction(settings, applicant.DisplayName));
        var general = await GeneralAnswersAsync(db, applicantId, round.SeasonId, cancellation);
        var sections = new List<BlindSection>();
        if (round.Stage == PipelineStage.Streams)
        {
            sections.Add(new("Stream application", await StreamAnswersAsync(db, reader, assignment.SubjectId, applicantId, cancellation)));
            sections.Add(new("CV", general.Where(g => g.Question.Kind == QuestionKind.File).Select(reader.Read).OfType<BlindAnswer>().ToList()));
        }
        else
        {
            sections.Add(new("General application", general.Select(reader.Read).OfType<BlindAnswer>().ToList()));
        }

        if (round.Stage == PipelineStage.Assessments)
        {
            sections.AddRange(await AttemptSectionsAsync(db, reader, applicantId, round.SeasonId, cancellation));
        }

        return new(settings.HideName ? null : applicant.DisplayName, settings.HideEmail ? null : applicant.Email, sections.Where(s => s.Answers.Count > 0).ToList());
    }

    /// <summary>The applicant's CV for the reviewer of <paramref name="assignment"/>; null when there is none or its question is hidden.</summary>
    public static async Task<StoredFile?> CvAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation)
    {
        var settings = await SettingsAsync(db, assignment.Round!.SeasonId, cancellation);
        var applicantId = await ApplicantIdAsync(db, assignment, cancellation);
        var cv = (await GeneralAnswersAsync(db, applicantId, assignment.Round.SeasonId, cancellation))
            .FirstOrDefault(g => g.Question.Kind == QuestionKind.File && g.FileId is not null && !settings.HiddenQuestionKeys.Contains(g.Question.Key));
        return cv is null ? null : await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == cv.FileId, cancellation);
    }

    /// <summary>An answer to a question, with the name of its file when it is one (never the file itself).</summary>
    private sealed record Given(QuestionDefinition Question, string Value, int? FileId, string? FileName);

    private static async Task<string> ApplicantIdAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation) =>
        assignment.Round!.Stage == PipelineStage.Streams
            ? await db.StreamApplications.Where(a => a.Id == assignment.SubjectId).Select(a => a.ApplicantId).SingleAsync(cancellation)
            : await db.Applications.Where(a => a.Id == assignment.SubjectId).Select(a => a.ApplicantId).SingleAsync(cancellation);

    private static async Task<List<Given>> GeneralAnswersAsync(CohortDbContext db, string applicantId, int seasonId, CancellationToken cancellation)
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
                ? new Given(q, answer.Value, answer.FileId, answer.FileId is { } id ? fileNames.GetValueOrDefault(id) : null)
                : new Given(q, "", null, null))
            .ToList();
    }

    private static async Task<List<BlindAnswer>> StreamAnswersAsync(CohortDbContext db, Reader reader, int streamApplicationId, string applicantId, CancellationToken cancellation)
    {
        var streamId = await db.StreamApplications.Where(a => a.Id == streamApplicationId).Select(a => a.StreamId).SingleAsync(cancellation);
        var questions = await StreamApplications.StreamQuestions.AskedByAsync(db, [streamId], cancellation);
        var answers = await StreamApplications.StreamQuestions.AnswersAsync(db, applicantId, cancellation);
        return questions.Select(q => reader.Read(new Given(q, answers.GetValueOrDefault(q.Id, ""), null, null))).OfType<BlindAnswer>().ToList();
    }

    /// <summary>Stage 2: the applicant's closed attempts at the season's assessments (not streams' follow-ups), one section each.</summary>
    private static async Task<IEnumerable<BlindSection>> AttemptSectionsAsync(CohortDbContext db, Reader reader, string applicantId, int seasonId, CancellationToken cancellation)
    {
        var attempts = await db.Attempts.AsNoTracking().Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(a => a!.Items)
            .Where(a => a.ApplicantId == applicantId && a.ClosedAt != null && a.Assessment!.StreamId == null && a.Assessment.Track!.SeasonId == seasonId)
            .OrderBy(a => a.StartedAt).ToListAsync(cancellation);
        return attempts.Select(attempt => new BlindSection($"Assessment: {attempt.Assessment!.Title}", attempt.Assessment.Items.OrderBy(i => i.Position)
            .Select(item => reader.Read(item, attempt.Answers.SingleOrDefault(a => a.ItemId == item.Id)?.Value ?? ""))
            .OfType<BlindAnswer>().ToList()));
    }

    /// <summary>Turns stored answers into what a reviewer sees, dropping hidden questions and empty answers.</summary>
    private sealed class Reader(BlindSettings settings, BlindRedaction redaction)
    {
        private readonly HashSet<string> hiddenKeys = settings.HiddenQuestionKeys.ToHashSet(StringComparer.Ordinal);

        public BlindAnswer? Read(Given given)
        {
            var question = given.Question;
            if (hiddenKeys.Contains(question.Key) || (given.Value.Trim().Length == 0 && given.FileId is null))
            {
                return null;
            }

            return question.Kind switch
            {
                QuestionKind.File => given.FileId is null ? null
                    : new(question.Prompt, settings.HideCvFileName ? CvLabel : given.FileName ?? CvLabel, BlindAnswerKind.Document),
                QuestionKind.Url => Link(question.Prompt, given.Value),
                QuestionKind.MultipleChoice => new(question.Prompt, string.Join(", ", AnswerRules.Lines(given.Value)), BlindAnswerKind.Text),
                _ => new(question.Prompt, redaction.Apply(given.Value), BlindAnswerKind.Text),
            };
        }

        public BlindAnswer? Read(AssessmentItem item, string value) => value.Trim().Length == 0 ? null : item.Kind switch
        {
            ItemKind.File => Link(item.Prompt, value),
            ItemKind.Code => new(item.Prompt, redaction.Apply(value), BlindAnswerKind.Code),
            ItemKind.Ranking => new(item.Prompt, string.Join(", ", item.Choices.Zip(AnswerRules.Lines(value), (option, rank) => $"{option}: {rank}")), BlindAnswerKind.Text),
            _ => new(item.Prompt, redaction.Apply(value), BlindAnswerKind.Text),
        };

        private BlindAnswer Link(string prompt, string value) => settings.HideUrls
            ? new(prompt, BlindRedaction.LinkHidden, BlindAnswerKind.Text)
            : new(prompt, redaction.Apply(value.Trim()), BlindAnswerKind.Url);
    }
}
