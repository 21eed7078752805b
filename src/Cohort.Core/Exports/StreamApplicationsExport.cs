using Cohort.Core.Api;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>stream-applications</c>: every application to a stream of the season, one row each, with its stream, its state
/// and its follow-ups (interview, work test, follow-up assessment), empty where the stream set none or the applicant
/// has not reached it. Identified adds the applicant's name and email; both views carry the general application id.
/// </summary>
public sealed class StreamApplicationsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "stream-applications";
    public override string Title => "Stream applications with their follow-ups";
    public override string Scope => ApiScopes.ApplicationsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var rows = await ExportPaging.AllAsync(after => StreamApplicationsWithFollowUps.After(db, new StreamApplicationFilter(request.SeasonId), after), s => s.Id, cancellation);
        List<string> columns =
        [
            "id", .. IdentityColumns(request.View), "application_id", "stream", "stream_name", "state",
            "created_at", "updated_at", "submitted_at", "interview_at", "work_test_submitted_at",
            "follow_up_attempt_id", "follow_up_closed_at", "follow_up_auto_score",
        ];
        return new(columns, rows.Select(s => (object?[])
        [
            s.Id, .. IdentityCells(request.View, s.Name, s.Email), s.ApplicationId, s.Stream, s.StreamName, s.State.ToString(),
            s.CreatedAt, s.UpdatedAt, s.SubmittedAt, s.InterviewAt, s.WorkTestSubmittedAt,
            s.FollowUpAttemptId, s.FollowUpClosedAt, s.FollowUpAutoScore,
        ]).ToList());
    }
}
