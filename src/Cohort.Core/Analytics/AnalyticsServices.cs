using Cohort.Core.Analytics.Match;
using Cohort.Core.Analytics.Offers;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Analytics;

public static class AnalyticsServices
{
    /// <summary>
    /// The analytics topics, in the order the page lists them: funnel, arrivals, streams, review quality, assessments,
    /// the match, offers. Each is scoped: it reads the request's database context.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddScoped<IAnalyticsTopic, MatchAnalytics>()
        .AddScoped<IAnalyticsTopic, OffersAnalytics>();
}
