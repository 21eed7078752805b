using Cohort.Core.Analytics.Charts;

namespace Cohort.Core.Analytics;

/// <summary>
/// Which numbers a section reads: one season, and one stream or all. When <see cref="StreamId"/> is set, a topic shows
/// nothing about any other stream: that is what keeps a mentor's stream page to their own stream.
/// </summary>
/// <param name="Zone">The reader's time zone: times on an axis and in a table are written in it.</param>
public sealed record AnalyticsScope(int SeasonId, int? StreamId, TimeZoneInfo Zone)
{
    /// <summary>A time in the reader's zone.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}

/// <summary>
/// One topic of the analytics page (funnel, arrivals, streams, review quality, assessments, the match, offers):
/// computed from the database on request, for a scope. Registered in page order by <see cref="AnalyticsServices"/>.
/// </summary>
public interface IAnalyticsTopic
{
    /// <summary>The topic's address under /admin/analytics, lower case ("funnel").</summary>
    string Key { get; }

    string Title { get; }

    /// <summary>The stream filter applies: the topic has numbers for one stream.</summary>
    bool ByStream { get; }

    /// <summary>A mentor sees this topic, for their own stream only, on their stream page.</summary>
    bool ForMentors { get; }

    Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation);
}
