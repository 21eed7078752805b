using Microsoft.AspNetCore.ResponseCompression;

namespace Cohort.Web.Hosting;

/// <summary>
/// Brotli or gzip, as the client accepts, for text: pages, CSS, JavaScript, JSON, calendars, SVG. Only answers to
/// visitors (<see cref="Visitors"/>) are compressed. BREACH recovers a secret from a compressed HTTPS response that
/// also reflects text an attacker chose; a visitor's page holds no secret of its own (the antiforgery token on a
/// public form is encrypted afresh for every response, so there is nothing stable to recover), while a signed-in
/// person's page holds their data beside their input. Those are sent uncompressed, whatever the scheme, so a proxy
/// that ends TLS and forwards plain http cannot turn compression back on for them.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddCohortCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/calendar", "image/svg+xml", "application/problem+json"]);
        });

    /// <summary>Registers compression; it must come before anything that writes a body it should compress.</summary>
    public static IApplicationBuilder UseCohortCompression(this IApplicationBuilder app)
    {
        var visitors = app.ApplicationServices.GetRequiredService<Visitors>();
        // Without Accept-Encoding the compression middleware leaves the response alone: the one switch that holds on
        // every path, static files and error pages included.
        app.Use((context, next) =>
        {
            if (!visitors.IsVisitor(context.Request))
            {
                context.Request.Headers.AcceptEncoding = default;
            }

            return next(context);
        });
        return app.UseResponseCompression();
    }
}
