using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>Who may apply to streams, and when.</summary>
public static class StreamsStage
{
    public const string NotInvited = "Stream applications are open to applicants advanced to stage 3 after the assessments.";

    /// <summary>
    /// Only applicants an admin advanced past stage 2 take part in stage 3: their general application was advanced
    /// at stage 1 and then at the assessments. A season without stage 2 assessments goes from stage 1 straight here.
    /// </summary>
    public static Task<bool> IsInvitedAsync(CohortDbContext db, string applicantId, int seasonId, CancellationToken cancellation) =>
        db.Applications.AnyAsync(a => a.ApplicantId == applicantId && a.State == ApplicationState.Advanced
            && a.Form!.Kind == FormKind.General && a.Form.SeasonId == seasonId
            && (AssessmentEntries.Of(db, seasonId).Any(e => e.ApplicantId == applicantId && e.State == ApplicationState.Advanced)
                || !Invitations.AssessmentStageOf(db, seasonId).Any()), cancellation);

    /// <summary>
    /// The applications their streams are considering, as a query: <see cref="StreamApplication.IsUnderConsideration"/>
    /// in a form the database can run, so follow-ups are offered to the same people the entity says.
    /// </summary>
    public static IQueryable<StreamApplication> UnderConsideration(CohortDbContext db) =>
        db.StreamApplications.Where(a => a.State == ApplicationState.Submitted || a.State == ApplicationState.Advanced || a.State == ApplicationState.Waitlisted);

    /// <summary>The window of stream applications: the track's stage of kind streams.</summary>
    public static Task<Stage?> WindowAsync(CohortDbContext db, int trackId, CancellationToken cancellation) =>
        db.Stages.FirstOrDefaultAsync(s => s.TrackId == trackId && s.Kind == StageKind.Streams, cancellation);

    /// <summary>Why answers are not accepted at <paramref name="now"/>, or null when the window is open.</summary>
    public static string? Closed(Stage? window, DateTime now) => window switch
    {
        null => "Stream applications are not open for this track.",
        _ when now < window.OpensAt => $"Stream applications open on {window.OpensAt:d MMMM yyyy 'at' HH:mm} UTC.",
        _ when now > window.ClosesAt => $"Stream applications closed on {window.ClosesAt:d MMMM yyyy 'at' HH:mm} UTC.",
        _ => null,
    };

    public static async Task<string?> ClosedForAsync(CohortDbContext db, ResearchStream stream, DateTime now, CancellationToken cancellation) =>
        Closed(await WindowAsync(db, stream.TrackId, cancellation), now);
}
