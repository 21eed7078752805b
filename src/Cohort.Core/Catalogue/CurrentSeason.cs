using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Catalogue;

public static class CurrentSeason
{
    /// <summary>The season the public pages show, or null on a fresh production install.</summary>
    public static Task<Season?> CurrentAsync(this IQueryable<Season> seasons, CancellationToken cancellation = default) =>
        seasons.OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.ProgrammeStart).FirstOrDefaultAsync(cancellation);

    /// <summary>
    /// The season whose slug is <paramref name="slug"/>, or the current season when no slug is given: how the exports,
    /// the CLI and the API read a <c>--season</c> / <c>?season=</c> that may be left out. Null when there is none.
    /// </summary>
    public static Task<Season?> NamedOrCurrentAsync(this IQueryable<Season> seasons, string? slug, CancellationToken cancellation = default) =>
        string.IsNullOrWhiteSpace(slug) ? seasons.CurrentAsync(cancellation) : seasons.SingleOrDefaultAsync(s => s.Slug == slug.Trim(), cancellation);

    /// <summary>Season <paramref name="seasonId"/>, or the current one when it is null: what a read of any season defaults to.</summary>
    public static Task<Season?> CurrentOrAsync(this IQueryable<Season> seasons, int? seasonId, CancellationToken cancellation = default) =>
        seasonId is { } id ? seasons.FirstOrDefaultAsync(s => s.Id == id, cancellation) : seasons.CurrentAsync(cancellation);

    /// <summary>Streams of the current season, with their track and mentors, in the order the public list shows them.</summary>
    public static IQueryable<ResearchStream> OfSeason(this IQueryable<ResearchStream> streams, int seasonId) =>
        streams.Where(s => s.Track!.SeasonId == seasonId)
            .Include(s => s.Track)
            .Include(s => s.Mentors.OrderBy(m => m.Position)).ThenInclude(m => m.Mentor)
            .OrderBy(s => s.Name);
}
