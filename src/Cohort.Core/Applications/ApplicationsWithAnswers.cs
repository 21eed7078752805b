using System.Text.Json.Serialization;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>One answer of a general application: the question's key, the stored value, and the file's name for a file answer.</summary>
public sealed record AnswerOfApplication(int QuestionId, string Question, string Value, int? FileId, string? FileName);

/// <summary>
/// A general application with the applicant's identity and every answer: the admin's view, read by the
/// <c>applications</c> export and <c>GET /api/v1/applications</c> (scope applications:read). <see cref="Name"/> and
/// <see cref="Email"/> are null for an account that no longer exists.
/// </summary>
public sealed record ApplicationWithAnswers(
    int Id,
    string ApplicantId,
    string? Name,
    string? Email,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))] ApplicationState State,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    IReadOnlyList<AnswerOfApplication> Answers);

/// <summary>Which general applications of a season to read: all, or those in one state, or changed since a time.</summary>
public sealed record ApplicationFilter(int SeasonId, ApplicationState? State = null, DateTime? UpdatedSince = null);

/// <summary>
/// The one query for general applications with their answers, in id order after a given id: the API pages it, the
/// export reads every page (<see cref="Exports.ExportPaging"/>).
/// </summary>
public static class ApplicationsWithAnswers
{
    /// <summary>The applications matching <paramref name="filter"/> whose id is above <paramref name="afterId"/>, in id order (not yet run).</summary>
    public static IQueryable<ApplicationWithAnswers> After(CohortDbContext db, ApplicationFilter filter, int afterId) =>
        db.Applications.AsNoTracking()
            .Where(a => a.Id > afterId && a.Form!.SeasonId == filter.SeasonId && a.Form.Kind == FormKind.General
                && (filter.State == null || a.State == filter.State)
                && (filter.UpdatedSince == null || a.UpdatedAt >= filter.UpdatedSince))
            .OrderBy(a => a.Id)
            .Select(a => new ApplicationWithAnswers(
                a.Id, a.ApplicantId,
                db.Users.Where(u => u.Id == a.ApplicantId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.ApplicantId).Select(u => u.Email).FirstOrDefault(),
                a.State, a.CreatedAt, a.UpdatedAt, a.SubmittedAt,
                a.Answers.OrderBy(x => x.QuestionId)
                    .Select(x => new AnswerOfApplication(
                        x.QuestionId,
                        db.Set<Question>().Where(q => q.Id == x.QuestionId).Select(q => q.Key).First(),
                        x.Value,
                        x.FileId,
                        x.File != null ? x.File.FileName : null))
                    .ToList()));
}
