using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>applications</c>: the season's general applications, one row each, one column per question of the form (named
/// by its key) in the form's order. Identified: the applicant's name and email, and every answer as given (a file
/// answer by its file name). Blind: no name or email, no column for a question the blind settings hide, and every
/// answer as a reviewer reads it (<see cref="BlindReader"/>).
/// </summary>
public sealed class ApplicationsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "applications";
    public override string Title => "General applications with every answer";
    public override string Scope => ApiScopes.ApplicationsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var questions = await db.Set<Question>().AsNoTracking()
            .Where(q => db.ApplicationForms.Any(f => f.Id == q.FormId && f.SeasonId == request.SeasonId && f.Kind == FormKind.General))
            .OrderBy(q => q.Position).ToListAsync(cancellation);
        var applications = await ExportPaging.AllAsync(after => ApplicationsWithAnswers.After(db, new ApplicationFilter(request.SeasonId), after), a => a.Id, cancellation);
        return request.View == ExportView.Identified
            ? Identified(questions, applications)
            : await BlindAsync(request.SeasonId, questions, applications, cancellation);
    }

    private static ExportRows Identified(List<Question> questions, List<ApplicationWithAnswers> applications)
    {
        string[] fixedColumns = ["id", "name", "email", "state", "created_at", "updated_at", "submitted_at"];
        return new(Columns(fixedColumns, questions), applications.Select(a => (object?[])
        [
            a.Id, a.Name, a.Email, a.State.ToString(), a.CreatedAt, a.UpdatedAt, a.SubmittedAt,
            .. Given(questions, a).Select(g => AsGiven(g)),
        ]).ToList());
    }

    private async Task<ExportRows> BlindAsync(int seasonId, List<Question> questions, List<ApplicationWithAnswers> applications, CancellationToken cancellation)
    {
        var settings = await BlindApplication.SettingsAsync(db, seasonId, cancellation);
        var flagged = await BlindReader.FlaggedElsewhereAsync(db, seasonId, applications.Select(a => a.ApplicantId).ToList(), cancellation);
        var shown = questions.Where(q => !BlindReader.HidesQuestion(settings, q)).ToList();
        string[] fixedColumns = ["id", "state", "created_at", "updated_at", "submitted_at"];
        return new(Columns(fixedColumns, shown), applications.Select(a =>
        {
            var reader = BlindReader.Of(settings, a.Name ?? "", a.Email ?? "", Given(questions, a), flagged[a.ApplicantId]);
            return (object?[])
            [
                a.Id, a.State.ToString(), a.CreatedAt, a.UpdatedAt, a.SubmittedAt,
                .. reader.General.Where(g => shown.Contains(g.Question)).Select(g => reader.Read(g)?.Text),
            ];
        }).ToList());
    }

    /// <summary>The fixed columns, then each question's key; a key that is also a fixed column's name is written <c>question:KEY</c>.</summary>
    private static List<string> Columns(string[] fixedColumns, IEnumerable<Question> questions) =>
        [.. fixedColumns, .. questions.Select(q => fixedColumns.Contains(q.Key) ? $"question:{q.Key}" : q.Key)];

    /// <summary>Every question of the form with the application's answer to it, unanswered ones empty.</summary>
    private static List<GivenAnswer> Given(List<Question> questions, ApplicationWithAnswers application)
    {
        var answers = application.Answers.ToDictionary(a => a.QuestionId);
        return questions.Select(q => answers.GetValueOrDefault(q.Id) is { } a ? new GivenAnswer(q, a.Value, a.FileId, a.FileName) : new GivenAnswer(q, "")).ToList();
    }

    /// <summary>An answer as the applicant gave it: a file by its name, choices on one line, an empty answer as an empty cell.</summary>
    private static string? AsGiven(GivenAnswer given) => given.Question.Kind switch
    {
        QuestionKind.File => given.FileName,
        QuestionKind.MultipleChoice => given.Value.Length == 0 ? null : string.Join(", ", AnswerRules.Lines(given.Value)),
        _ => given.Value.Length == 0 ? null : given.Value,
    };
}
