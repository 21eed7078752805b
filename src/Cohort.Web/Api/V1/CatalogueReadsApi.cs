using Cohort.Core.Api;
using Cohort.Core.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The catalogue of a season (scope catalogue:read): <c>GET /api/v1/tracks</c>, <c>/streams</c> and <c>/mentors</c>,
/// paged, filtered by season (slug, default the current one). Mentors' names and affiliations are public on the
/// stream pages; their email addresses, used only to link an account, are not in the API (docs/decisions/api.md).
/// </summary>
public static class CatalogueReadsApi
{
    public sealed record TrackItem(int Id, string Slug, string Name, string Season);

    public sealed record StreamItem(int Id, string Slug, string Name, string Track, string Tagline, string Topic, string Location, string? City, int Capacity, IReadOnlyList<string> Mentors);

    public sealed record MentorItem(int Id, string Slug, string Name, string Affiliation, IReadOnlyList<string> Streams);

    public static void MapCatalogueReads(this RouteGroupBuilder api)
    {
        api.MapGet("/tracks", async Task<Results<Ok<ApiPage<TrackItem>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                return problem is not null ? problem : await ApiPaging.PageAsync(request, cursor, limit,
                    after => db.Tracks.AsNoTracking().Where(t => t.Id > after && t.SeasonId == seasonId).OrderBy(t => t.Id)
                        .Select(t => new TrackItem(t.Id, t.Slug, t.Name, t.Season!.Slug)),
                    t => t.Id, cancellation);
            })
            .RequireScope(ApiScopes.CatalogueRead)
            .WithName("ListTracks")
            .WithSummary("The season's tracks; filter season (slug, default the current one)");

        api.MapGet("/streams", async Task<Results<Ok<ApiPage<StreamItem>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? track, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                var trackSlug = string.IsNullOrWhiteSpace(track) ? null : track.Trim();
                return problem is not null ? problem : await ApiPaging.PageAsync(request, cursor, limit,
                    after => db.Streams.AsNoTracking().Where(s => s.Id > after && s.Track!.SeasonId == seasonId && (trackSlug == null || s.Track.Slug == trackSlug))
                        .OrderBy(s => s.Id)
                        .Select(s => new StreamItem(s.Id, s.Slug, s.Name, s.Track!.Slug, s.Tagline, s.Topic, s.Location.ToString(), s.City, s.Capacity,
                            s.Mentors.OrderBy(m => m.Position).Select(m => m.Mentor!.Slug).ToList())),
                    s => s.Id, cancellation);
            })
            .RequireScope(ApiScopes.CatalogueRead)
            .WithName("ListStreams")
            .WithSummary("The season's streams with their mentors' slugs; filters season, track (slug)");

        api.MapGet("/mentors", async Task<Results<Ok<ApiPage<MentorItem>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                return problem is not null ? problem : await ApiPaging.PageAsync(request, cursor, limit,
                    after => db.Mentors.AsNoTracking().Where(m => m.Id > after && m.SeasonId == seasonId).OrderBy(m => m.Id)
                        .Select(m => new MentorItem(m.Id, m.Slug, m.Name, m.Affiliation, m.Streams.OrderBy(s => s.StreamId).Select(s => s.Stream!.Slug).ToList())),
                    m => m.Id, cancellation);
            })
            .RequireScope(ApiScopes.CatalogueRead)
            .WithName("ListMentors")
            .WithSummary("The season's mentors with their streams' slugs, never their email addresses; filter season");
    }
}
