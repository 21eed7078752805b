using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Slows password guessing and sign-up spam: a fixed window per client address on the account forms. The address
/// is the real client's (see <see cref="Proxies"/>), so people behind one proxy do not share one bucket.
/// </summary>
public static class RateLimits
{
    public const string AccountForms = "account-forms";

    public static IServiceCollection AddCohortRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CohortWebOptions>>((options, cohort) =>
        {
            var permits = cohort.Value.RateLimit.PermitsPerMinute;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellation) => Refuse(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1), cancellation);
            // Only submissions count: reading the form is free, so a slow typist is never the one refused.
            options.AddPolicy(AccountForms, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddSingleton<UploadThrottle>();
        services.Configure<MvcOptions>(mvc => mvc.Filters.AddService<UploadThrottle>());
        return services;
    }

    /// <summary>
    /// Answers 429 with Retry-After. A person gets the readable status page (status code pages fill the empty
    /// body); an API client gets ProblemDetails.
    /// </summary>
    public static async ValueTask Refuse(HttpContext context, TimeSpan wait, CancellationToken cancellation)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                title: "Too many requests",
                detail: $"Wait {seconds} seconds and try again.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
        }
    }
}
