using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
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
/// show them (null otherwise), the answers the stage reviews, read through a <see cref="BlindReader"/>, and what is
/// hidden from the reviewer (<see cref="BlindPromise.ForReviewers"/>). Built on the server from the settings, so pages
/// and the API show the same thing and nothing hidden ever leaves it.
/// </summary>
public sealed record BlindApplication(string? Name, string? Email, string Hidden, IReadOnlyList<BlindSection> Sections)
{
    public const string CvLabel = "CV (PDF)";

    /// <summary>The season's settings, or, before an admin saved any, the default that hides every identity field.</summary>
    public static async Task<BlindSettings> SettingsAsync(CohortDbContext db, int seasonId, CancellationToken cancellation) =>
        await db.BlindSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SeasonId == seasonId, cancellation) ?? new BlindSettings { SeasonId = seasonId };

    /// <summary>What the reviewer of <paramref name="assignment"/> (loaded with its round) reads.</summary>
    public static Task<BlindApplication> ReadAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation) =>
        ReadAsync(db, assignment.Round!, assignment.SubjectId, null, cancellation);

    /// <summary>
    /// What a reviewer of <paramref name="round"/> reads of subject <paramref name="subjectId"/>: everything, or, given
    /// <paramref name="only"/>, only the answers to the questions it keeps and no assessment attempts (a bid's brief).
    /// </summary>
    public static async Task<BlindApplication> ReadAsync(CohortDbContext db, ReviewRound round, int subjectId, Func<QuestionDefinition, bool>? only, CancellationToken cancellation)
    {
        var applicantId = await ApplicantIdAsync(db, round, subjectId, cancellation);
        var reader = await ReaderAsync(db, round, applicantId, cancellation);
        var keep = only ?? (_ => true);
        var sections = new List<BlindSection>();
        if (round.Stage == StageKind.Extension)
        {
            sections.Add(new("Extension application", await ExtensionAnswersAsync(db, reader, subjectId, only, cancellation)));
        }
        else if (round.Stage == StageKind.Streams)
        {
            sections.Add(new("Stream application", await StreamAnswersAsync(db, reader, subjectId, applicantId, keep, cancellation)));
            sections.Add(new("CV", reader.General.Where(g => g.Question.Kind == QuestionKind.File && keep(g.Question)).Select(reader.Read).OfType<BlindAnswer>().ToList()));
        }
        else
        {
            sections.Add(new("General application", reader.General.Where(g => keep(g.Question)).Select(reader.Read).OfType<BlindAnswer>().ToList()));
        }

        if (round.Stage == StageKind.Assessment && only is null)
        {
            sections.AddRange(await AttemptSectionsAsync(db, reader, applicantId, round.SeasonId, cancellation));
        }

        return new(reader.Name, reader.Email, BlindPromise.ForReviewers(reader.Settings), sections.Where(s => s.Answers.Count > 0).ToList());
    }

    /// <summary>
    /// The applicant's CV for the reviewer of <paramref name="assignment"/>; null when there is none, its question is
    /// hidden, or the settings withhold CVs.
    /// </summary>
    public static async Task<StoredFile?> CvAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation)
    {
        var reader = await ReaderAsync(db, assignment.Round!, await ApplicantIdAsync(db, assignment, cancellation), cancellation);
        var cv = reader.General.FirstOrDefault(g => g.Question.Kind == QuestionKind.File && reader.Read(g) is not null);
        return cv is null ? null : await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == cv.FileId, cancellation);
    }

    /// <summary>Whose application <paramref name="assignment"/> (loaded with its round) is: never shown, only used to read it.</summary>
    public static Task<string> ApplicantIdAsync(CohortDbContext db, ReviewAssignment assignment, CancellationToken cancellation) =>
        ApplicantIdAsync(db, assignment.Round!, assignment.SubjectId, cancellation);

    /// <summary>Whose application subject <paramref name="subjectId"/> of <paramref name="round"/> is: never shown, only used to read it.</summary>
    public static async Task<string> ApplicantIdAsync(CohortDbContext db, ReviewRound round, int subjectId, CancellationToken cancellation) => round.Stage switch
    {
        StageKind.Streams => await db.StreamApplications.Where(a => a.Id == subjectId).Select(a => a.ApplicantId).SingleAsync(cancellation),
        StageKind.Extension => await db.ExtensionApplications.Where(a => a.Id == subjectId)
            .Join(db.Fellowships, a => a.FellowshipId, f => f.Id, (a, f) => f.ApplicantId).SingleAsync(cancellation),
        _ => await db.Applications.Where(a => a.Id == subjectId).Select(a => a.ApplicantId).SingleAsync(cancellation),
    };

    /// <summary>The reader of the round's season's settings, redacting the identity the applicant gave in their own season (<see cref="ReviewRoundFacts.ApplicantSeasonAsync"/>).</summary>
    private static async Task<BlindReader> ReaderAsync(CohortDbContext db, ReviewRound round, string applicantId, CancellationToken cancellation) =>
        await BlindReader.ForAsync(db, round.SeasonId, await ReviewRoundFacts.ApplicantSeasonAsync(db, round, cancellation), applicantId, cancellation);

    /// <summary>
    /// An extension application as a reviewer reads it: the amount asked, then each answer through the reader (never the
    /// mentors' endorsements, which name people). Given <paramref name="only"/>, just the answers to the questions it
    /// keeps: the amount answers no question, and a research statement that always held it would never be found empty
    /// and fall back to the long answers.
    /// </summary>
    private static async Task<List<BlindAnswer>> ExtensionAnswersAsync(CohortDbContext db, BlindReader reader, int applicationId, Func<QuestionDefinition, bool>? only, CancellationToken cancellation)
    {
        var application = await db.ExtensionApplications.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.Id == applicationId, cancellation);
        var round = await db.ExtensionRounds.AsNoTracking().Include(r => r.Questions.OrderBy(q => q.Position)).SingleAsync(r => r.Id == application.RoundId, cancellation);
        var answers = round.Questions.Where(only ?? (_ => true))
            .Select(q => reader.Read(new GivenAnswer(q, application.Answers.SingleOrDefault(a => a.QuestionId == q.Id)?.Value ?? ""))).OfType<BlindAnswer>();
        return only is null ? [new("Amount requested", $"{application.RequestedAmount:N0} {round.Currency}", BlindAnswerKind.Text), .. answers] : [.. answers];
    }

    private static async Task<List<BlindAnswer>> StreamAnswersAsync(CohortDbContext db, BlindReader reader, int streamApplicationId, string applicantId, Func<QuestionDefinition, bool> keep, CancellationToken cancellation)
    {
        var streamId = await db.StreamApplications.Where(a => a.Id == streamApplicationId).Select(a => a.StreamId).SingleAsync(cancellation);
        var questions = await StreamApplications.StreamQuestions.AskedByAsync(db, [streamId], cancellation);
        var answers = await StreamApplications.StreamQuestions.AnswersAsync(db, applicantId, cancellation);
        return questions.Where(keep).Select(q => reader.Read(new GivenAnswer(q, answers.GetValueOrDefault(q.Id, "")))).OfType<BlindAnswer>().ToList();
    }

    /// <summary>Stage 2: the applicant's closed attempts at the season's assessments (not streams' follow-ups), one section each.</summary>
    private static async Task<IEnumerable<BlindSection>> AttemptSectionsAsync(CohortDbContext db, BlindReader reader, string applicantId, int seasonId, CancellationToken cancellation)
    {
        var attempts = await db.Attempts.AsNoTracking().Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(a => a!.Items)
            .Where(a => a.ApplicantId == applicantId && a.ClosedAt != null && a.Assessment!.StreamId == null && a.Assessment.Track!.SeasonId == seasonId)
            .OrderBy(a => a.StartedAt).ToListAsync(cancellation);
        return attempts.Select(attempt => new BlindSection($"Assessment: {attempt.Assessment!.Title}", attempt.Assessment.Items.OrderBy(i => i.Position)
            .Select(item => reader.Read(item, attempt.Answers.SingleOrDefault(a => a.ItemId == item.Id)?.Value ?? ""))
            .OfType<BlindAnswer>().ToList()));
    }
}
