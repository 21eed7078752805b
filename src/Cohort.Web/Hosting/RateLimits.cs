using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cohort.Web.Hosting;

/// <summary>Slows password guessing and sign-up spam: a fixed window per client address on the account forms.</summary>
public static class RateLimits
{
    public const string AccountForms = "account-forms";

    public static IServiceCollection AddCohortRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue($"{CohortWebOptions.Section}:RateLimit:PermitsPerMinute", 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellation) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts from your address. Wait a minute and try again.", cancellation);
            };
            // Only submissions count: reading the form is free, so a slow typist is never the one refused.
            options.AddPolicy(AccountForms, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
