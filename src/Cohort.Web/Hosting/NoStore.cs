namespace Cohort.Web.Hosting;

/// <summary>
/// Keeps personal data out of browser and proxy caches: every response to a signed-in person (their application,
/// a reviewer's blind reading, an admin's tables) and every file, to anyone (CVs, work tests, exports, calendars),
/// is sent with <c>Cache-Control: no-store</c>. One rule here, rather than a header remembered by each download, so a
/// new endpoint cannot forget it. Anonymous pages and static files stay cacheable.
/// </summary>
public static class NoStore
{
    public const string CacheControl = "no-store";

    /// <summary>
    /// Registers the rule. It decides when the response starts, by which time authentication has run; it sits before
    /// the public page cache, so that a page answered from the cache gets the same headers as a rendered one.
    /// </summary>
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (context.User.Identity?.IsAuthenticated == true || headers.ContentDisposition.Count > 0)
                {
                    headers.CacheControl = CacheControl;
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
