using Cohort.Core.Api;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Api.V1;

/// <summary><c>GET /api/v1/seasons</c>: every season, paged, with <c>current=true</c> to keep only the current one.</summary>
public static class SeasonsApi
{
    public sealed record SeasonItem(int Id, string Slug, string Name, string Tagline, DateOnly ProgrammeStart, DateOnly ProgrammeEnd, bool IsCurrent);

    public static void MapSeasons(this RouteGroupBuilder api) =>
        api.MapGet("/seasons", (HttpRequest request, CohortDbContext db, string? cursor, int? limit, bool? current, CancellationToken cancellation) =>
            ApiPaging.PageAsync(request, cursor, limit,
                after => db.Seasons.AsNoTracking()
                    .Where(s => s.Id > after && (current == null || s.IsCurrent == current))
                    .OrderBy(s => s.Id)
                    .Select(s => new SeasonItem(s.Id, s.Slug, s.Name, s.Tagline, s.ProgrammeStart, s.ProgrammeEnd, s.IsCurrent)),
                s => s.Id, cancellation))
        .RequireScope(ApiScopes.CatalogueRead)
        .WithName("ListSeasons");
}
