using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>Which milestones a read selects; null means any. The stream (by id or slug) narrows each milestone's progress to that stream's fellows.</summary>
public sealed record MilestoneFilter(int? SeasonId = null, int? StreamId = null, string? Stream = null);

/// <summary>
/// One fellow's progress on a milestone: what they handed in and when (late when after the due time, or when a
/// submission is due and none came in time), and the sign-off, if any, with its mentor.
/// </summary>
public sealed record MilestoneProgressRow(
    int FellowshipId, string ApplicantId, int StreamId, string Stream, DateTime? SubmittedAt, bool Late, string? Link, int? TextLength, int? FileId, string? FileName,
    Assessment? SignOff, string? Comment, int? SignedOffByMentorId, string? SignedOffBy, DateTime? SignedOffAt);

/// <summary>A milestone's definition with the progress of every fellow it applies to (the cohort, or the fellows its extension round accepted).</summary>
public sealed record MilestoneRow(
    int Id, int SeasonId, string Season, string Title, string Description, DateTime DueAt, SubmissionKind Submission, bool RequiresSignOff, int RemindDaysBefore,
    int? ExtensionRoundId, IReadOnlyList<MilestoneProgressRow> Progress);

/// <summary>The one query of milestones and their progress, paged by milestone id: <c>/api/v1/milestones</c> and the milestones export.</summary>
public static class MilestoneRows
{
    /// <param name="now">The time "late" is judged at, for submissions still missing.</param>
    public static async Task<IReadOnlyList<MilestoneRow>> PageAsync(CohortDbContext db, MilestoneFilter filter, DateTime now, int afterId, int take, CancellationToken cancellation)
    {
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.Id > afterId && (filter.SeasonId == null || m.SeasonId == filter.SeasonId))
            .OrderBy(m => m.Id).Take(take)
            .Select(m => new { Milestone = m, Season = db.Seasons.Where(s => s.Id == m.SeasonId).Select(s => s.Slug).First() })
            .ToListAsync(cancellation);
        var ids = milestones.Select(m => m.Milestone.Id).ToList();
        var seasons = milestones.Select(m => m.Milestone.SeasonId).Distinct().ToList();
        var rounds = milestones.Select(m => m.Milestone.ExtensionRoundId).OfType<int>().Distinct().ToList();

        var fellows = await db.Fellowships.AsNoTracking()
            .Where(f => seasons.Contains(f.SeasonId) && (filter.StreamId == null || f.StreamId == filter.StreamId)
                && (filter.Stream == null || db.Streams.Any(s => s.Id == f.StreamId && s.Slug == filter.Stream)))
            .OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.SeasonId, f.ApplicantId, f.StreamId, Stream = db.Streams.Where(s => s.Id == f.StreamId).Select(s => s.Name).First() })
            .ToListAsync(cancellation);
        var extended = (await db.ExtensionApplications.AsNoTracking().Where(a => rounds.Contains(a.RoundId) && a.State == ApplicationState.Advanced)
            .Select(a => new { a.RoundId, a.FellowshipId }).ToListAsync(cancellation)).Select(a => (a.RoundId, a.FellowshipId)).ToHashSet();
        var submissions = await db.MilestoneSubmissions.AsNoTracking().Where(s => ids.Contains(s.MilestoneId))
            .Select(s => new { s.MilestoneId, s.FellowshipId, s.SubmittedAt, s.Link, s.Text.Length, s.FileId, FileName = db.StoredFiles.Where(file => file.Id == s.FileId).Select(file => file.FileName).FirstOrDefault() })
            .ToDictionaryAsync(s => (s.MilestoneId, s.FellowshipId), cancellation);
        var signOffs = await db.CheckIns.AsNoTracking().Where(c => c.MilestoneId != null && ids.Contains(c.MilestoneId.Value))
            .Select(c => new { MilestoneId = c.MilestoneId!.Value, c.FellowshipId, c.Assessment, c.Comment, c.MentorId, c.At, Mentor = db.Mentors.Where(m => m.Id == c.MentorId).Select(m => m.Name).First() })
            .ToDictionaryAsync(c => (c.MilestoneId, c.FellowshipId), cancellation);

        return milestones.Select(row =>
        {
            var m = row.Milestone;
            var progress = fellows
                .Where(f => f.SeasonId == m.SeasonId && (m.ExtensionRoundId is not { } round || extended.Contains((round, f.Id))))
                .Select(f =>
                {
                    var handedIn = submissions.GetValueOrDefault((m.Id, f.Id));
                    var signOff = signOffs.GetValueOrDefault((m.Id, f.Id));
                    var late = handedIn is not null ? MilestoneProgress.IsLate(m, handedIn.SubmittedAt) : m.Submission != SubmissionKind.None && now > m.DueAt;
                    return new MilestoneProgressRow(
                        f.Id, f.ApplicantId, f.StreamId, f.Stream, handedIn?.SubmittedAt, late, NullIfEmpty(handedIn?.Link), handedIn?.Length, handedIn?.FileId, handedIn?.FileName,
                        signOff?.Assessment, signOff?.Comment, signOff?.MentorId, signOff?.Mentor, signOff?.At);
                })
                .ToList();
            return new MilestoneRow(m.Id, m.SeasonId, row.Season, m.Title, m.Description, m.DueAt, m.Submission, m.RequiresSignOff, m.RemindDaysBefore, m.ExtensionRoundId, progress);
        }).ToList();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
