using Cohort.Core.Api;
using Cohort.Core.Match;
using Cohort.Core.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The match under <c>match:read</c>: <c>GET /api/v1/match-runs</c> (each run with its certificate, its hosts' fill and
/// every candidate's placement and explanation), <c>GET /api/v1/offers</c> and <c>GET /api/v1/projects</c> (with the
/// fellows the published project matches assigned), each paged by id. Applicants and fellows appear by their general
/// application only; mentors, who are staff, by name.
/// </summary>
public static class MatchApi
{
    public sealed record PlacementItem(int? ApplicationId, int? HostId, string? Host, double? Score, string Explanation);

    public sealed record MatchRunItem(
        int Id, string Kind, int SeasonId, int? StreamId, DateTime CreatedAt, string CreatedBy, string Algorithm, int Matched, int Unmatched, bool Certified,
        DateTime? PublishedAt, MatchCertificate Certificate, IReadOnlyList<HostFill> Fills, IReadOnlyList<PlacementItem> Placements);

    public sealed record OfferItem(
        int Id, int RunId, int SeasonId, int StreamId, string Stream, int StreamApplicationId, int ApplicationId, string State,
        DateTime CreatedAt, DateTime RespondBy, DateTime? RespondedAt);

    public sealed record AssignedItem(int? ApplicationId, int RunId);

    /// <param name="PitchedByApplicationId">A fellow's pitch: the fellow's general application; null for a mentor's.</param>
    public sealed record ProjectItem(
        int Id, int SeasonId, int StreamId, string Stream, string Title, string Description, int Capacity, string State, bool PitchedByFellow,
        string? PitchedByMentor, int? PitchedByApplicationId, IReadOnlyList<string> Mentors, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<AssignedItem> Assigned);

    public static void MapMatch(this RouteGroupBuilder api)
    {
        api.MapGet("/match-runs", async Task<Results<Ok<ApiPage<MatchRunItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? cursor, int? limit, int? season, string? kind, int? stream, bool? published, CancellationToken cancellation) =>
            {
                if (ApiFilters.Named<MatchKind>("kind", kind, out var chosen) is { } problem)
                {
                    return problem;
                }

                var filter = new MatchRunFilter(season, chosen, stream, published);
                return await ApiPaging.PageAsync<MatchRunItem>(request, cursor, limit, async (after, take) =>
                    (await MatchRunRows.PageAsync(db, filter, after, take, cancellation)).Select(r => new MatchRunItem(
                        r.Id, r.Kind.ToString().ToLowerInvariant(), r.SeasonId, r.StreamId, r.CreatedAt, r.CreatedBy, r.Algorithm.ToString(), r.Matched, r.Unmatched,
                        r.Certified, r.PublishedAt, r.Certificate, r.Fills,
                        r.Placements.Select(p => new PlacementItem(p.ApplicationId, p.HostId, p.Host, p.Score, p.Explanation)).ToList())).ToList(),
                    r => r.Id);
            })
            .RequireScope(ApiScopes.MatchRead)
            .WithName("ListMatchRuns");

        api.MapGet("/offers", async Task<Results<Ok<ApiPage<OfferItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? cursor, int? limit, int? season, string? state, int? stream, int? run, CancellationToken cancellation) =>
            {
                if (ApiFilters.Named<OfferState>("state", state, out var chosen) is { } problem)
                {
                    return problem;
                }

                var filter = new OfferFilter(season, chosen, stream, run);
                return await ApiPaging.PageAsync<OfferItem>(request, cursor, limit, async (after, take) =>
                    (await OfferRows.PageAsync(db, filter, after, take, cancellation)).Select(o => new OfferItem(
                        o.Id, o.RunId, o.SeasonId, o.StreamId, o.Stream, o.StreamApplicationId, o.ApplicationId, o.State.ToString(), o.CreatedAt, o.RespondBy, o.RespondedAt)).ToList(),
                    o => o.Id);
            })
            .RequireScope(ApiScopes.MatchRead)
            .WithName("ListOffers");

        api.MapGet("/projects", async Task<Results<Ok<ApiPage<ProjectItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? cursor, int? limit, int? season, int? stream, string? state, CancellationToken cancellation) =>
            {
                if (ApiFilters.Named<ProjectState>("state", state, out var chosen) is { } problem)
                {
                    return problem;
                }

                var filter = new ProjectFilter(season, stream, chosen);
                return await ApiPaging.PageAsync<ProjectItem>(request, cursor, limit, async (after, take) =>
                    (await ProjectRows.PageAsync(db, filter, after, take, cancellation)).Select(p => new ProjectItem(
                        p.Id, p.SeasonId, p.StreamId, p.Stream, p.Title, p.Description, p.Capacity, p.State.ToString(), p.PitchedByFellow, p.PitchedByMentor,
                        p.PitchedByApplicationId, p.Mentors, p.CreatedAt, p.UpdatedAt, p.Assigned.Select(a => new AssignedItem(a.ApplicationId, a.RunId)).ToList())).ToList(),
                    p => p.Id);
            })
            .RequireScope(ApiScopes.MatchRead)
            .WithName("ListProjects");
    }
}
