using System.Security.Cryptography;

namespace Cohort.Web.Hosting;

/// <summary>Headers that stop the common browser-side attacks: framing, MIME sniffing, injected scripts.</summary>
public static class SecurityHeaders
{
    private const string NonceKey = "Cohort.ScriptNonce";
    private const string StyleHashesKey = "Cohort.StyleHashes";

    // Everything Cohort serves is its own: no inline script or style (but the few a response names, by nonce or
    // hash), no third-party origin, no framing by anyone.
    private static string ContentSecurityPolicy(string? nonce, IReadOnlyList<string>? styleHashes) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; " +
        $"style-src 'self'{(styleHashes is null ? "" : " 'unsafe-hashes' " + string.Join(' ', styleHashes.Select(h => $"'sha256-{h}'")))}; " +
        "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>
    /// A fresh random nonce for this response's inline scripts, added to its CSP: for a page that cannot do without an
    /// inline script (the API's reference page starts its viewer with one). No page of Cohort's own asks for one.
    /// </summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// Lets this response's page apply exactly these inline styles (base64 SHA-256 of each style element's text or style
    /// attribute's value): for a third-party viewer that writes its own, fixed styles. 'unsafe-hashes' in the policy lets
    /// the listed hashes, and only them, match style attributes too.
    /// </summary>
    public static void AllowStyleHashes(HttpContext context, IReadOnlyList<string> hashes) => context.Items[StyleHashesKey] = hashes;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Items[NonceKey] as string, context.Items[StyleHashesKey] as IReadOnlyList<string>);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
