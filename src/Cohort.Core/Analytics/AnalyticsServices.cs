using Cohort.Core.Analytics.Arrivals;
using Cohort.Core.Analytics.Assessments;
using Cohort.Core.Analytics.Funnel;
using Cohort.Core.Analytics.Match;
using Cohort.Core.Analytics.Offers;
using Cohort.Core.Analytics.Reviews;
using Cohort.Core.Analytics.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Analytics;

public static class AnalyticsServices
{
    /// <summary>
    /// The analytics topics, in the order the page lists them: funnel, arrivals, streams, review quality, assessments,
    /// the match, offers. Each is scoped: it reads the request's database context.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddScoped<IAnalyticsTopic, FunnelAnalytics>()
        .AddScoped<IAnalyticsTopic, ArrivalsAnalytics>()
        .AddScoped<IAnalyticsTopic, StreamsAnalytics>()
        .AddScoped<IAnalyticsTopic, ReviewAnalytics>()
        .AddScoped<IAnalyticsTopic, AssessmentsAnalytics>()
        .AddScoped<IAnalyticsTopic, MatchAnalytics>()
        .AddScoped<IAnalyticsTopic, OffersAnalytics>();
}
