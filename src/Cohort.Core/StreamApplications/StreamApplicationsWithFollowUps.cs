using System.Text.Json.Serialization;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// A stream application with its stream, its state and the follow-ups the stream set, when the applicant has any: the
/// booked interview's start, the work test's hand-in, and the follow-up assessment's attempt (its id, hand-in and
/// automatic score). Read by the <c>stream-applications</c> export and <c>GET /api/v1/stream-applications</c>
/// (scope applications:read). <see cref="ApplicationId"/> is the applicant's general application, the key every export shares.
/// </summary>
public sealed record StreamApplicationWithFollowUps(
    int Id, string ApplicantId, string? Name, string? Email, int? ApplicationId,
    string Stream, string StreamName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))] ApplicationState State,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt,
    DateTime? InterviewAt, DateTime? WorkTestSubmittedAt,
    int? FollowUpAttemptId, DateTime? FollowUpClosedAt, double? FollowUpAutoScore);

/// <summary>Which stream applications of a season to read: all, one stream's (by slug), or those in one state.</summary>
public sealed record StreamApplicationFilter(int SeasonId, string? Stream = null, ApplicationState? State = null);

/// <summary>The one query for stream applications and their follow-ups, in id order after a given id: the API pages it, the export reads every page.</summary>
public static class StreamApplicationsWithFollowUps
{
    public static IQueryable<StreamApplicationWithFollowUps> After(CohortDbContext db, StreamApplicationFilter filter, int afterId) =>
        db.StreamApplications.AsNoTracking()
            .Where(s => s.Id > afterId && s.Stream!.Track!.SeasonId == filter.SeasonId
                && (filter.Stream == null || s.Stream.Slug == filter.Stream)
                && (filter.State == null || s.State == filter.State))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                Application = s,
                FollowUp = db.Attempts.Where(x => x.ApplicantId == s.ApplicantId && x.Assessment!.StreamId == s.StreamId).OrderBy(x => x.Id).FirstOrDefault(),
            })
            .Select(r => new StreamApplicationWithFollowUps(
                r.Application.Id, r.Application.ApplicantId,
                db.Users.Where(u => u.Id == r.Application.ApplicantId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == r.Application.ApplicantId).Select(u => u.Email).FirstOrDefault(),
                db.Applications.Where(a => a.ApplicantId == r.Application.ApplicantId && a.Form!.SeasonId == filter.SeasonId && a.Form.Kind == FormKind.General)
                    .Select(a => (int?)a.Id).FirstOrDefault(),
                r.Application.Stream!.Slug, r.Application.Stream.Name, r.Application.State,
                r.Application.CreatedAt, r.Application.UpdatedAt, r.Application.SubmittedAt,
                db.InterviewSlots.Where(i => i.StreamId == r.Application.StreamId && i.BookedById == r.Application.ApplicantId).Select(i => (DateTime?)i.StartsAt).FirstOrDefault(),
                db.WorkTestSubmissions.Where(w => w.ApplicantId == r.Application.ApplicantId && db.WorkTests.Any(t => t.Id == w.WorkTestId && t.StreamId == r.Application.StreamId))
                    .Select(w => (DateTime?)w.SubmittedAt).FirstOrDefault(),
                r.FollowUp != null ? r.FollowUp.Id : null,
                r.FollowUp != null ? r.FollowUp.ClosedAt : null,
                r.FollowUp != null ? r.FollowUp.AutoScore : null));
}
