using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Hosting;

/// <summary>
/// The public pages (home, streams, tracks, mentors, key dates, FAQ, eligibility, <c>/dates.ics</c>) answered from
/// memory to visitors: they are the same for every visitor and change only when an admin edits what they show, so
/// rendering them from the database for each request is waste. Signed-in people always get their own page (their
/// navigation, their call to action), and never one kept for someone else. See docs/decisions/hosting.md.
/// </summary>
public static class PublicPageCache
{
    /// <summary>The output-cache policy a public page names (<c>[OutputCache(PolicyName = PublicPageCache.Policy)]</c>).</summary>
    public const string Policy = "public-pages";

    /// <summary>The tag of every cached public page, evicted together.</summary>
    public const string Tag = "public-pages";

    /// <summary>
    /// A backstop only: edits retire pages at once (<see cref="PublicContentWatcher"/>), and dates passing retire them
    /// on time (<see cref="ChangesAt"/>). This bounds what neither sees, such as a row changed by hand in SQL.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    private const string ChangesAtItem = "cohort.public-page-changes-at";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<Visitors>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempData>();
        services.AddSingleton<PublicPagePolicy>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicPagePolicy>((options, policy) => options.AddPolicy(Policy, policy));
        services.AddHostedService<PublicContentWatcher>();
        return services;
    }

    /// <summary>
    /// Says that the page being rendered shows something that changes by itself at <paramref name="at"/> (UTC): a date
    /// that stops being upcoming, an application window that opens or closes. The cache drops its pages at that moment
    /// on the app's clock. Null, or a moment already past, says nothing.
    /// </summary>
    public static void ChangesAt(HttpContext context, DateTime? at)
    {
        if (at is { } moment && (context.Items[ChangesAtItem] is not DateTime earlier || moment < earlier))
        {
            context.Items[ChangesAtItem] = moment;
        }
    }

    internal static DateTime? ChangesAt(HttpContext context) => context.Items[ChangesAtItem] as DateTime?;
}
