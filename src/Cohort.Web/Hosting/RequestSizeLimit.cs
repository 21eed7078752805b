using Cohort.Core.Applications;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Refuses oversized requests with a clear 413 before any handler reads them. Kestrel has its own limit, but
/// it answers with an empty body and does not apply behind every host; this one does and explains itself: to API
/// clients as ProblemDetails, to a person who posted a form as the status page (/status/413, <see cref="TooLargePage"/>)
/// in the site's layout with a way back to the form.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The status page re-runs a refused request to explain it; it reads nothing, and must not be refused again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }

            var limit = LimitFor(context.Request, context.RequestServices.GetRequiredService<IOptions<CohortWebOptions>>().Value);
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                if (!WantsPage(context.Request))
                {
                    await Results.Problem(
                        title: "The request is too large",
                        detail: $"Requests may be at most {limit / 1024} KiB; this one is {context.Request.ContentLength / 1024} KiB. Nothing was saved.",
                        statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                }

                // An empty 413 for a page: the status page middleware around this one writes the explanation.
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });

    /// <summary>True for a multipart post, which may carry a file and so gets the larger limit.</summary>
    public static bool IsUpload(HttpRequest request) =>
        request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An import of people (the page and the API), whose whole file travels in the request, also as a field of a form
    /// or of a JSON body: it gets the upload limit, and a person is told the limit is the import's.
    /// </summary>
    public static bool IsImport(HttpRequest request) => IsImport(request.Path);

    public static bool IsImport(PathString path) => path.StartsWithSegments("/admin/imports") || path.StartsWithSegments("/api/v1/imports");

    private static long LimitFor(HttpRequest request, CohortWebOptions options) =>
        IsUpload(request) || IsImport(request) ? options.MaxUploadRequestBytes : options.MaxRequestBytes;

    /// <summary>A person's form post or page request, as opposed to an API call, which keeps its ProblemDetails.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && (request.HasFormContentType || request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true));
}

/// <summary>What the 413 page says: what was too large, the limit a person can act on, and where to go back to.</summary>
public sealed record TooLargePage(string Message, string Back)
{
    public static TooLargePage For(HttpContext context, CohortWebOptions options)
    {
        var request = context.Request;
        // A file's own limit is what a person can act on; the request limit above it only leaves room for the form.
        // The status page runs at its own path: what was refused is the path the person posted to.
        var posted = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? request.Path;
        var message = RequestSizeLimit.IsImport(posted)
            ? $"That file is too large to import: the limit is {options.MaxUploadRequestBytes / (1024 * 1024)} MB. Nothing was imported; split the file and import each part."
            : RequestSizeLimit.IsUpload(request)
            ? $"That file is too large: the limit is {StoreUpload.MaxBytes / (1024 * 1024)} MB. Nothing was saved; choose a smaller file and send the form again."
            : $"That form is too large: Cohort accepts at most {options.MaxRequestBytes / 1024} KB. Nothing was saved; shorten your answers and send it again.";
        return new(message, BackTo(context));
    }

    /// <summary>
    /// The page the form was on (the Referer, when it is this site), else the address the form posted to, which for
    /// Razor Pages is the form's own page. Only a path is ever returned, so the link cannot lead off the site.
    /// </summary>
    private static string BackTo(HttpContext context)
    {
        var request = context.Request;
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && referer.Scheme == request.Scheme && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return referer.PathAndQuery;
        }

        // Without its query: "?handler=WorkTest" names the post's handler, which a plain visit must not ask for.
        return context.Features.Get<IStatusCodeReExecuteFeature>() is { } original
            ? original.OriginalPathBase + original.OriginalPath
            : "/";
    }
}
