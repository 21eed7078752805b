using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// A per-person budget for file uploads, on every page: a POST that carries a file is counted against its sender
/// (the signed-in account, or the client address), and past <see cref="RateLimitOptions.UploadsPerHour"/> it is
/// refused with 429 before anything is read or stored. Only posts with a file count, so saving answers and
/// autosave are never refused. A token bucket: the budget refills one upload at a time over the hour.
/// </summary>
public sealed class UploadThrottle : IAsyncPageFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public UploadThrottle(IOptions<CohortWebOptions> options)
    {
        var perHour = options.Value.RateLimit.UploadsPerHour;
        limiter = PartitionedRateLimiter.Create<string, string>(sender => RateLimitPartition.GetTokenBucketLimiter(sender, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perHour,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromHours(1) / perHour,
            QueueLimit = 0,
        }));
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // Without a handler nothing stores the file: that is the error or status page re-executing the refused
        // post itself, which must not be counted (and refused) a second time.
        if (context.HandlerMethod is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && (await http.Request.ReadFormAsync(http.RequestAborted)).Files.Any(file => file.Length > 0))
        {
            using var lease = limiter.AttemptAcquire(Sender(http));
            if (!lease.IsAcquired)
            {
                await RateLimits.Refuse(http, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(5), http.RequestAborted);
                context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
                return;
            }
        }

        await next();
    }

    private static string Sender(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } account ? $"account:{account}" : $"address:{ClientAddress.Of(http)}";

    public void Dispose() => limiter.Dispose();
}
