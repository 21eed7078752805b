using Cohort.Core.Api;
using Cohort.Core.Catalogue.Transfer;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>PUT /api/v1/catalogue</c>: creates or updates tracks, mentors and streams by slug, in the catalogue file's shapes,
/// through the catalogue import's own use case (<see cref="ImportCatalogue.UpsertAsync"/>) and its checks.
/// </summary>
public static class CatalogueWritesApi
{
    public sealed record CatalogueUpsertResult(string Summary);

    public static void MapCatalogueWrites(this RouteGroupBuilder api) =>
        api.MapPut("/catalogue", UpsertAsync)
            .AcceptsJson<CatalogueUpsert>()
            .RequireScope(ApiScopes.CatalogueWrite)
            .WithName("UpsertCatalogue")
            .WithTags("Catalogue");

    private static async Task<Results<Ok<CatalogueUpsertResult>, ValidationProblem>> UpsertAsync(
        HttpContext http, ImportCatalogue import, CancellationToken cancellation)
    {
        var (upsert, problem) = await ApiBody.ReadAsync<CatalogueUpsert>(http.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await import.UpsertAsync(upsert!, http.User.AsApiActor(), cancellation);
        return outcome.Succeeded
            ? TypedResults.Ok(new CatalogueUpsertResult(outcome.Summary))
            : ApiBody.Invalid(outcome.Problems.Select(p => (p.Where, p.Message)));
    }
}
