using Cohort.Web.Hosting;
using Scalar.AspNetCore;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The people's page of the API, <c>/api/docs</c>: Scalar rendering <c>/api/v1/openapi.json</c>, its script served by the
/// app itself (no CDN, no web fonts, no telemetry, no AI agent), under the app's CSP: a per-response nonce for its inline
/// start-up script, and the hashes of the fixed inline styles its viewer writes. Public, as the document it renders is.
/// See docs/decisions/api.md.
/// </summary>
public static class ApiV1Docs
{
    public const string Path = "/api/docs";

    /// <summary>
    /// The inline styles Scalar.AspNetCore 3.0.0's viewer applies, as chromium reports them when they are refused. A new
    /// Scalar version may write others: ApiDocsPageTests then fails and its message gives their hashes.
    /// </summary>
    private static readonly IReadOnlyList<string> ViewerStyles =
    [
        "l704k2tJRLboBEVRm9Pjp9kDeuXHVsrqbp7U+mlZZQ8=", "l/2OpPg0d+2VLTLgwjf5mQo2CYwHDEqdj5TjbfEyVJI=",
        "T13Uev3xCax2N28XaoAE8DOzQZKvPp7ZQVAi1iRREjo=", "im4bR8m0i9OTwS6FwAG4MKlk4URQdZkDu1Tx9kDpKNw=",
        "v6FGbsebOHJ39qjwyswuNyhVylA7DHti/pqoiIvwbXQ=", "LGszelMz0+v6/EfEtNYVFCYH7w05IKqvd9gau6UXRbE=",
        "+AlkHX9UNqInC56WxUU++SRLUV8csIjDMfGIi54cXJo=",
    ];

    public static void MapApiV1Docs(this IEndpointRouteBuilder routes) =>
        routes.MapScalarApiReference(Path, (options, http) =>
            {
                SecurityHeaders.AllowStyleHashes(http, ViewerStyles);
                options
                    .WithTitle("Cohort API")
                    .AddDocument(ApiV1Document.Name, "Cohort API v1", ApiV1Document.Path, isDefault: true)
                    .WithNonce(SecurityHeaders.ScriptNonce(http))
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools()
                    .ExpandAllTags();
            })
            .AllowAnonymous();
}
