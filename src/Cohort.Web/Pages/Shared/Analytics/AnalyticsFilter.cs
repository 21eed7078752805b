namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// The season and stream filters of the admin's analytics: every season, the current one by default (else the
/// latest), and that season's streams when the topic has numbers by stream. An unknown season or stream in the
/// address falls back to the default rather than failing: a bookmark outlives a deleted stream.
/// </summary>
public sealed record AnalyticsFilter(IReadOnlyList<(int Id, string Name)> Seasons, IReadOnlyList<(int Id, string Name)> Streams, int? SeasonId, int? StreamId)
{
    public string? SeasonName => Seasons.Where(s => s.Id == SeasonId).Select(s => s.Name).FirstOrDefault();

    public string? StreamName => Streams.Where(s => s.Id == StreamId).Select(s => s.Name).FirstOrDefault();

    public static async Task<AnalyticsFilter> LoadAsync(CohortDbContext db, int? season, int? stream, bool byStream, CancellationToken cancellation)
    {
        var seasons = await db.Seasons.OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.ProgrammeStart)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellation);
        int? seasonId = seasons.Any(s => s.Id == season) ? season : seasons.Select(s => (int?)s.Id).FirstOrDefault();
        var streams = byStream && seasonId is { } id
            ? await db.Streams.Where(s => s.Track!.SeasonId == id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellation)
            : [];
        return new(
            seasons.Select(s => (s.Id, s.Name)).ToList(),
            streams.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => (s.Id, s.Name)).ToList(),
            seasonId,
            streams.Any(s => s.Id == stream) ? stream : null);
    }
}
