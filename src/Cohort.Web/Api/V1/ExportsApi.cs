using Cohort.Core.Api;
using Cohort.Core.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>GET /api/v1/exports/{kind}?season=&amp;format=csv|json&amp;view=identified|blind</c>: each registered export
/// kind at a route of its own, behind that kind's scope (a route has exactly one scope), written by the same
/// <see cref="Exporter"/> as the admin page and the CLI. The identified view names applicants, so it also needs
/// <c>applications:read</c>, the one scope that reads identities (docs/decisions/api.md); without it a token's export
/// is blind unless it asks for identified, which is refused.
/// </summary>
public static class ExportsApi
{
    public static void MapExports(this RouteGroupBuilder api)
    {
        // The kinds are services of a request's scope; their names and scopes are fixed, so one scope reads them to map.
        using var scope = api.ServiceProvider().CreateScope();
        foreach (var kind in scope.ServiceProvider.GetRequiredService<Exporter>().Kinds)
        {
            var name = kind.Name;
            api.MapGet($"/exports/{name}", (HttpContext http, Exporter exporter, string? season, string? format, string? view, CancellationToken cancellation) =>
                    ExportAsync(http, exporter, name, season, format, view, cancellation))
                .RequireScope(kind.Scope)
                .WithName($"Export{string.Concat(name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}")
                .WithSummary($"{kind.Title}, as CSV or JSON")
                .Produces<ExportDocument>(StatusCodes.Status200OK, "application/json", "text/csv");
        }
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpContext http, Exporter exporter, string kind, string? season, string? format, string? view, CancellationToken cancellation)
    {
        var mayIdentify = http.User.MayIdentify();
        var (chosenFormat, formatProblem) = ExportWords.Format(format);
        var (chosenView, viewProblem) = ExportWords.View(string.IsNullOrWhiteSpace(view) && !mayIdentify ? ExportWords.Name(ExportView.Blind) : view);
        var errors = new Dictionary<string, string[]>();
        if (formatProblem is not null)
        {
            errors["format"] = [formatProblem];
        }

        if (viewProblem is not null)
        {
            errors["view"] = [viewProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request's parameters are not valid.");
        }

        if (chosenView == ExportView.Identified && !mayIdentify)
        {
            return TypedResults.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: $"The identified view names applicants and needs the {ApiScopes.ApplicationsRead} scope; ask for view=blind.");
        }

        var outcome = await exporter.RunAsync(http.User.AsApiActor(), kind, season, chosenView, cancellation, overApi: true);
        if (outcome.Table is not { } table)
        {
            return TypedResults.Problem(title: "Not found", detail: outcome.Refusal, statusCode: StatusCodes.Status404NotFound);
        }

        using var body = new MemoryStream();
        await ExportFile.WriteAsync(table, chosenFormat, body, cancellation);
        return TypedResults.File(body.ToArray(), ExportFile.ContentType(chosenFormat), ExportFile.Name(table.Heading, chosenFormat));
    }

    private static IServiceProvider ServiceProvider(this RouteGroupBuilder api) => ((IEndpointRouteBuilder)api).ServiceProvider;
}
