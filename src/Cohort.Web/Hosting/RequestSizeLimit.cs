using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Refuses oversized requests with a clear 413 before any handler reads them. Kestrel has its own limit, but
/// it answers with an empty body and does not apply behind every host; this one does and explains itself.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<CohortWebOptions>>().Value;
            var limit = context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? options.MaxUploadRequestBytes
                : options.MaxRequestBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(
                    title: "The request is too large",
                    detail: $"Requests may be at most {limit / 1024} KiB; this one is {context.Request.ContentLength / 1024} KiB. Nothing was saved.",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
