using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Authorization;

/// <summary>
/// One thing a request can reach: a method on a route, and for a Razor page the handler it runs
/// ("POST /admin/faq?handler=Move"). Its <see cref="Key"/> is how the table names it.
/// </summary>
public sealed record EndpointCase(string Method, string Route, string? Handler, IReadOnlyList<string> Parameters, bool AllowsAnonymous)
{
    public string Key => Handler is null ? $"{Method} {Route}" : $"{Method} {Route}?handler={Handler}";

    public bool IsPost => Method == "POST";

    /// <summary>
    /// Every case the app maps, read from its endpoints: a minimal API gives one case per HTTP method; a Razor page one
    /// per handler method of its compiled descriptor (OnGet, OnPost, OnPostMove...), so a handler added to a page, or
    /// inherited from a base page, is a new case without anyone listing it. A page without handlers renders on GET.
    /// </summary>
    public static IReadOnlyList<EndpointCase> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(CasesOf).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();

    private static IEnumerable<EndpointCase> CasesOf(RouteEndpoint endpoint)
    {
        var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
        {
            return page.HandlerMethods.Count == 0
                ? [new EndpointCase("GET", route, null, parameters, anonymous)]
                : page.HandlerMethods.Select(h => new EndpointCase(h.HttpMethod.ToUpperInvariant(), route, h.Name, parameters, anonymous));
        }

        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
            ?? throw new InvalidOperationException($"{route} answers every HTTP method; map it with the methods it serves, so the matrix can try each.");
        return methods.Select(m => new EndpointCase(m, route, null, parameters, anonymous));
    }
}
