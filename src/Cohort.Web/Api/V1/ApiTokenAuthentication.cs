using System.Security.Claims;
using System.Text.Encodings.Web;
using Cohort.Core.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The <c>/api/v1</c> authentication: <c>Authorization: Bearer coh_…</c> and nothing else. Only the API's policies name
/// this scheme, so a cookie session never reaches the API, and a page never accepts a token. Unknown, expired and
/// revoked tokens get the same 401, so the answer does not tell a guesser which tokens exist.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateApiToken tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "scope";
    public const string TokenIdClaim = "token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        if (await tokens.RunAsync(secret, Context.RequestAborted) is not { } token)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new(ClaimTypes.Name, token.ActorName), new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             .. token.ScopeList.Select(s => new Claim(ScopeClaim, s))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var sent = BearerOf(Request) is not null;
        Response.Headers.WWWAuthenticate = sent ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", sent
            ? "The token is unknown, expired or revoked."
            : "Send a token as `Authorization: Bearer coh_…`; an admin makes one at /admin/tokens or with `cohort token create`.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token does not hold the scope this operation needs.");

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);

    /// <summary>The bearer secret of the request, or null when it sends none.</summary>
    public static string? BearerOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
}
