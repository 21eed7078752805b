using Cohort.Core.Catalogue;
using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Hosting;

/// <summary>
/// When a public page may be answered from the cache, stored in it, and under which key. Only GET and HEAD from a
/// visitor (<see cref="Visitors"/>), only a 200 that sets no cookie and carries no antiforgery token, keyed by the
/// <see cref="PublicContentVersion"/> it was rendered under (so a page rendered before an edit is never found after
/// it) and by no query parameter unless the page names one.
/// </summary>
public sealed class PublicPagePolicy(Visitors visitors, PublicContentVersion version, TimeProvider clock) : IOutputCachePolicy
{
    // The earliest moment at which a cached page changes by itself (PublicPageCache.ChangesAt), in ticks; max: none.
    private long nextChange = long.MaxValue;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && visitors.IsVisitor(request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // Many visitors asking for a page nobody has rendered yet (after an edit) wait for the first rendering.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicPageCache.Longest;
        context.Tags.Add(PublicPageCache.Tag);
        context.CacheVaryByRules.VaryByValues["public-content"] = version.Current.ToString("N");

        var next = Interlocked.Read(ref nextChange);
        if (cacheable && clock.GetUtcNow().UtcTicks >= next && Interlocked.CompareExchange(ref nextChange, long.MaxValue, next) == next)
        {
            await context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.Tag, cancellation);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A new cookie is someone's own; antiforgery marks a page that carries a token "no-cache": neither is for sharing.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.Any(value => value?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        if (context.AllowCacheStorage && PublicPageCache.ChangesAt(context.HttpContext) is { } at)
        {
            var ticks = at.Ticks;
            long seen;
            while (ticks < (seen = Interlocked.Read(ref nextChange)) && Interlocked.CompareExchange(ref nextChange, ticks, seen) != seen)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
