using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The public OpenAPI 3.1 description of <c>/api/v1</c>, a document of its own (the cookie API's stays at
/// <c>/api/openapi.json</c> for signed-in people): only the <c>/api/v1</c> operations, and the bearer scheme they need.
/// It tells nothing of anyone's data, so anyone may read it, as a client generator must.
/// </summary>
public static class ApiV1Document
{
    public const string Name = "api-v1";
    public const string Path = ApiV1.Prefix + "/openapi.json";
    private const string Bearer = "bearer";

    public static IServiceCollection AddApiV1Document(this IServiceCollection services) => services.AddOpenApi(Name, options =>
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Cohort API", Version = "v1", Description = "Send a token made at /admin/tokens as `Authorization: Bearer coh_…`." };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token; each operation names the scope it needs in its description.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith("api:", StringComparison.Ordinal)).Select(p => p["api:".Length..]);
            operation.Description = $"Needs the scope {string.Join(", ", scopes)}.";
            if (context.Description.HttpMethod is { } method && method != HttpMethods.Get)
            {
                ApiIdempotency.Describe(operation);
            }

            return Task.CompletedTask;
        });
    });

    public static void MapApiV1Document(this IEndpointRouteBuilder routes) =>
        // Written to text first: the OpenAPI writer writes synchronously, which the server refuses on a response body.
        routes.MapGet(Path, async ([FromKeyedServices(Name)] IOpenApiDocumentProvider provider, CancellationToken cancellation) =>
            Results.Text(await (await provider.GetOpenApiDocumentAsync(cancellation)).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellation), "application/json"))
        .AllowAnonymous().ExcludeFromDescription();
}
