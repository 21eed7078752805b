using System.Net;
using Cohort.Web.Api.V1;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Cohort.Web.Tests.Api;

/// <summary>/api/v1/openapi.json: public, a valid OpenAPI 3.1 document, naming every /api/v1 operation and the bearer scheme.</summary>
public sealed class ApiV1DocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_public_document_is_valid_openapi_3_1_with_every_route_and_the_bearer_scheme()
    {
        var response = await ApiTokens.Client(app, null).GetAsync(ApiV1Document.Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Equal(SecuritySchemeType.Http, document.Components!.SecuritySchemes!["bearer"].Type);
        Assert.Single(document.Security!);
        foreach (var route in ApiV1RouteTests.Operations(app.Services))
        {
            var path = "/" + route.RoutePattern.RawText!.TrimStart('/');
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is missing from the document.");
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = item!.Operations![HttpMethod.Parse(method)];
                Assert.StartsWith("Needs the scope ", operation.Description, StringComparison.Ordinal);
                Assert.NotNull(operation.Responses!["200"].Content!["application/json"].Schema);
            }
        }

        Assert.DoesNotContain(document.Paths.Keys, p => !p.StartsWith(ApiV1.Prefix + "/", StringComparison.Ordinal));
    }
}
