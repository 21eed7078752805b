using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Streams;

/// <summary>A stream of the season as the analytics name and measure it.</summary>
/// <param name="Mentors">How many mentors lead it: more than one makes it a coalition.</param>
public sealed record StreamSummary(int Id, string Name, string Slug, int TrackId, int Capacity, int Mentors)
{
    public bool IsCoalition => Mentors > 1;

    /// <summary>The stream's name, marked when a coalition leads it, as the charts' categories show it.</summary>
    public string Label => IsCoalition ? $"{Name} (coalition)" : Name;
}

public static class SeasonStreams
{
    /// <summary>
    /// The season's streams in name order, or only stream <paramref name="streamId"/> when set (none when it is not one
    /// of the season's, so a stream of another season shows nothing).
    /// </summary>
    public static Task<List<StreamSummary>> OfAsync(CohortDbContext db, int seasonId, int? streamId, CancellationToken cancellation) =>
        db.Streams.AsNoTracking()
            .Where(s => s.Track!.SeasonId == seasonId && (streamId == null || s.Id == streamId))
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new StreamSummary(s.Id, s.Name, s.Slug, s.TrackId, s.Capacity, s.Mentors.Count))
            .ToListAsync(cancellation);
}
