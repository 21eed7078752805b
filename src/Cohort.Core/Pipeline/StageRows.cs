using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>A row of a stage before names and eligibility are added; <see cref="StreamId"/> is 0 outside stage 3.</summary>
internal sealed record StageRow(int Id, int GeneralApplicationId, string ApplicantId, ApplicationState State, DateTime? SubmittedAt,
    int StreamId = 0, string Stream = "", double? Score = null, string Progress = "");

/// <summary>The rows of each stage, as few queries as possible whatever the number of applicants.</summary>
internal static class StageRows
{
    public static async Task<List<StageRow>> GeneralAsync(IQueryable<Application> general, PipelineFilter filter, CancellationToken cancellation) =>
        await general.Where(a => filter.State == null || a.State == filter.State)
            .Select(a => new StageRow(a.Id, a.Id, a.ApplicantId, a.State, a.SubmittedAt, 0, "", null, ""))
            .ToListAsync(cancellation);

    /// <summary>
    /// Applicants advanced from the general stage, with the state of their assessment stage entry, the summed score of their closed attempts
    /// at the season's assessments (automatic points plus reviewers' so far) and when they handed in their last one.
    /// </summary>
    public static async Task<List<StageRow>> AssessmentsAsync(CohortDbContext db, Season season, IQueryable<Application> general, PipelineFilter filter, CancellationToken cancellation)
    {
        var entries = AssessmentEntries.Of(db, season.Id);
        var rows = (await general
            .Select(a => new { a.Id, a.ApplicantId, State = entries.Where(e => e.ApplicantId == a.ApplicantId).OrderBy(e => e.Id).Select(e => (ApplicationState?)e.State).FirstOrDefault() })
            .Where(r => r.State != null && (filter.State == null || r.State == filter.State))
            .ToListAsync(cancellation)).Select(r => new { r.Id, r.ApplicantId, State = r.State!.Value }).ToList();
        var assessmentStage = Invitations.AssessmentStageOf(db, season.Id);
        var assessmentCount = await assessmentStage.CountAsync(cancellation);
        var seasonAttempts = db.Attempts.AsNoTracking()
            .Where(t => assessmentStage.Any(x => x.Id == t.AssessmentId) && entries.Any(e => e.ApplicantId == t.ApplicantId));
        var scores = await AttemptScores.OfAsync(db, seasonAttempts, cancellation);
        var attempts = (await seasonAttempts.Select(t => new { t.Id, t.ApplicantId, t.ClosedAt }).ToListAsync(cancellation)).ToLookup(t => t.ApplicantId);
        return rows.Select(r =>
        {
            var mine = attempts[r.ApplicantId].ToList();
            var closed = mine.Where(t => t.ClosedAt is not null).Select(t => (t.ClosedAt, Score: scores[t.Id])).ToList();
            var awaiting = closed.Sum(t => t.Score.AwaitingReview);
            var progress = $"{closed.Count} of {assessmentCount} handed in"
                + (mine.Count > closed.Count ? $", {mine.Count - closed.Count} in progress" : "")
                + (awaiting > 0 ? $", {awaiting} {(awaiting == 1 ? "answer" : "answers")} awaiting review" : "");
            return new StageRow(r.Id, r.Id, r.ApplicantId, r.State, closed.Max(t => t.ClosedAt),
                Score: closed.Count == 0 ? null : Math.Round(closed.Sum(t => t.Score.Total ?? 0), 2), Progress: progress);
        }).ToList();
    }

    /// <summary>Submitted (and later) stream applications of the season, with each applicant's interview and work test.</summary>
    public static async Task<List<StageRow>> StreamsAsync(CohortDbContext db, Season season, IQueryable<Application> general, PipelineFilter filter, CancellationToken cancellation)
    {
        var applications = db.StreamApplications.AsNoTracking()
            .Where(s => s.Stream!.Track!.SeasonId == season.Id && s.State != ApplicationState.Draft
                && (filter.State == null || s.State == filter.State) && (filter.StreamId == null || s.StreamId == filter.StreamId));
        var rows = await applications
            .Select(s => new
            {
                s.Id, s.ApplicantId, s.State, s.SubmittedAt, s.StreamId, Stream = s.Stream!.Name,
                GeneralId = general.Where(a => a.ApplicantId == s.ApplicantId).Select(a => a.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        var interviews = (await db.InterviewSlots.AsNoTracking()
                .Where(i => i.BookedById != null && applications.Any(s => s.StreamId == i.StreamId && s.ApplicantId == i.BookedById))
                .Select(i => new { i.StreamId, ApplicantId = i.BookedById!, i.StartsAt })
                .ToListAsync(cancellation))
            .ToDictionary(i => (i.StreamId, i.ApplicantId), i => i.StartsAt);
        var workTests = (await db.WorkTestSubmissions.AsNoTracking()
                .Join(db.WorkTests, w => w.WorkTestId, t => t.Id, (w, t) => new { t.StreamId, w.ApplicantId })
                .Where(w => applications.Any(s => s.StreamId == w.StreamId && s.ApplicantId == w.ApplicantId))
                .ToListAsync(cancellation))
            .ToHashSet();
        return rows.Select(r =>
        {
            var done = new List<string>();
            if (interviews.TryGetValue((r.StreamId, r.ApplicantId), out var startsAt))
            {
                done.Add($"interview {startsAt:d MMM HH:mm} UTC");
            }

            if (workTests.Contains(new { r.StreamId, r.ApplicantId }))
            {
                done.Add("work test handed in");
            }

            return new StageRow(r.Id, r.GeneralId, r.ApplicantId, r.State, r.SubmittedAt, r.StreamId, r.Stream, Progress: string.Join("; ", done));
        }).ToList();
    }
}
