using Cohort.Core.Applications;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Arrivals;

/// <summary>
/// Whether the deadline rush is coming: the general applications (stage 1) and the stream applications (stage 3, per
/// track, or for one stream) submitted so far, day by day in the reader's zone, against each deadline, with the
/// season before's curve aligned on its own deadline.
/// </summary>
public sealed class ArrivalsAnalytics(CohortDbContext db, TimeProvider clock) : IAnalyticsTopic
{
    public string Key => "arrivals";

    public string Title => "Arrivals";

    public bool ByStream => true;

    public bool ForMentors => false;

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var season = await db.Seasons.AsNoTracking().Where(s => s.Id == scope.SeasonId).Select(s => new { s.Id, s.Name, s.ProgrammeStart }).SingleOrDefaultAsync(cancellation);
        var charts = new List<Chart>();
        if (season is not null)
        {
            var previous = await db.Seasons.AsNoTracking().Where(s => s.ProgrammeStart < season.ProgrammeStart)
                .OrderByDescending(s => s.ProgrammeStart).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(cancellation);
            var now = clock.GetUtcNow().UtcDateTime;

            // Stage 1 is no stream's: a section filtered to one stream shows only that stream's stage 3.
            if (scope.StreamId is null && await GeneralAsync(season.Id, season.Name, cancellation) is { } general)
            {
                var before = previous is null ? null : await GeneralAsync(previous.Id, previous.Name, cancellation);
                charts.Add(ArrivalsChart.Of("stage-1", "Stage 1: general applications", "general applications", scope, now, general, before));
            }

            var windows = await StreamWindowsAsync(season.Id, scope.StreamId, cancellation);
            foreach (var window in windows)
            {
                var current = await StreamsAsync(season.Name, window, scope.StreamId, cancellation);
                var before = previous is null ? null : await PreviousStreamsAsync(previous.Id, previous.Name, window, scope.StreamId, cancellation);
                var (key, title) = windows.Count == 1 ? ("stage-3", "Stage 3: stream applications") : ($"stage-3-{window.TrackSlug}", $"Stage 3: stream applications, {window.TrackName}");
                charts.Add(ArrivalsChart.Of(key, scope.StreamId is null ? title : $"Stage 3: applications to {window.StreamName}", "stream applications", scope, now, current, before));
            }
        }

        return new AnalyticsSection(Key, Title,
        [
            "Each chart counts the applications submitted by the end of each day, in your time zone, up to now, with the stage's deadline marked. Stage 1 counts submitted general applications; stage 3 submitted stream applications, one for each stream an applicant applied to (withdrawn ones included: they were submitted).",
            "The season before's curve (dashed) is moved by the time between the two deadlines, so both deadlines fall on the same day: the gap between the curves on a day is how far this season is ahead of or behind the last at the same distance from its deadline.",
        ], charts);
    }

    /// <summary>The window of a track's stream applications, and the stream a filtered section is about.</summary>
    private sealed record StreamWindow(int TrackId, string TrackSlug, string TrackName, DateTime Opens, DateTime Deadline, string? StreamSlug, string? StreamName);

    private async Task<ArrivalsCurve?> GeneralAsync(int seasonId, string season, CancellationToken cancellation)
    {
        var form = await db.ApplicationForms.AsNoTracking().Where(f => f.SeasonId == seasonId && f.Kind == FormKind.General)
            .Select(f => new { f.Id, f.OpensAt, f.ClosesAt }).SingleOrDefaultAsync(cancellation);
        return form is null ? null : new ArrivalsCurve(season, form.OpensAt, form.ClosesAt, await db.Applications.AsNoTracking()
            .Where(a => a.FormId == form.Id && a.SubmittedAt != null).Select(a => a.SubmittedAt!.Value).ToListAsync(cancellation));
    }

    /// <summary>The season's tracks that take stream applications, or only the filtered stream's track.</summary>
    private Task<List<StreamWindow>> StreamWindowsAsync(int seasonId, int? streamId, CancellationToken cancellation) =>
        db.Stages.AsNoTracking()
            .Where(s => s.Kind == StageKind.Streams && s.Track!.SeasonId == seasonId && (streamId == null || s.Track.Streams.Any(x => x.Id == streamId)))
            .OrderBy(s => s.Track!.Name)
            .Select(s => new StreamWindow(s.TrackId, s.Track!.Slug, s.Track.Name, s.OpensAt, s.ClosesAt,
                s.Track.Streams.Where(x => x.Id == streamId).Select(x => x.Slug).FirstOrDefault(),
                s.Track.Streams.Where(x => x.Id == streamId).Select(x => x.Name).FirstOrDefault()))
            .ToListAsync(cancellation);

    private async Task<ArrivalsCurve> StreamsAsync(string season, StreamWindow window, int? streamId, CancellationToken cancellation) =>
        new(season, window.Opens, window.Deadline, await db.StreamApplications.AsNoTracking()
            .Where(a => a.Stream!.TrackId == window.TrackId && a.SubmittedAt != null && (streamId == null || a.StreamId == streamId))
            .Select(a => a.SubmittedAt!.Value).ToListAsync(cancellation));

    /// <summary>
    /// The season before's stream applications to the same track, or to the same stream (both found by slug: a season's
    /// catalogue is its own, but a track or stream that runs again keeps its address); null when it had none such.
    /// </summary>
    private async Task<ArrivalsCurve?> PreviousStreamsAsync(int seasonId, string season, StreamWindow current, int? streamId, CancellationToken cancellation)
    {
        var window = await db.Stages.AsNoTracking()
            .Where(s => s.Kind == StageKind.Streams && s.Track!.SeasonId == seasonId && s.Track.Slug == current.TrackSlug)
            .Select(s => new { s.TrackId, s.OpensAt, s.ClosesAt }).FirstOrDefaultAsync(cancellation);
        if (window is null)
        {
            return null;
        }

        var stream = streamId is null ? null : await db.Streams.AsNoTracking()
            .Where(s => s.TrackId == window.TrackId && s.Slug == current.StreamSlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellation);
        return streamId is not null && stream is null
            ? null
            : await StreamsAsync(season, current with { TrackId = window.TrackId, Opens = window.OpensAt, Deadline = window.ClosesAt }, stream, cancellation);
    }
}
