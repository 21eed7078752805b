using Cohort.Core.Catalogue.Transfer;
using Cohort.Web.Accounts;

namespace Cohort.Web.Api;

/// <summary>The catalogue over HTTP: the public stream list, and the full export (with mentor emails) for admins.</summary>
public static class CatalogueApi
{
    public sealed record StreamSummary(string Slug, string Name, string Track, string Topic, string Location, int Capacity, bool Coalition, IReadOnlyList<string> Mentors, string Url);

    public static void MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/streams", async (CohortDbContext db, CancellationToken cancellation) =>
        {
            var season = await db.Seasons.CurrentAsync(cancellation);
            if (season is null)
            {
                return Results.Ok(Array.Empty<StreamSummary>());
            }

            var streams = await db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation);
            return Results.Ok(streams.Select(s => new StreamSummary(
                s.Slug, s.Name, s.Track!.Slug, s.Topic, s.LocationLabel, s.Capacity, s.IsCoalition,
                s.Mentors.Select(m => m.Mentor!.Name).ToList(), $"/streams/{s.Slug}")));
        }).AllowAnonymous();

        api.MapGet("/admin/catalogue", async (ExportCatalogue export, CancellationToken cancellation) =>
            await export.CurrentSeasonAsync(cancellation) is { } document
                ? Results.Text(CatalogueJson.Write(document), "application/json")
                : Results.Problem(title: "No season", detail: "There is no season to export yet.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(AccountSetup.AdminPolicy);
    }
}
