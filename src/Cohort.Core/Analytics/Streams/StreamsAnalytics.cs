using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;

namespace Cohort.Core.Analytics.Streams;

/// <summary>
/// Which streams are oversubscribed: each stream's submitted applications, booked interviews and offers against its
/// seats, the most oversubscribed (applications per seat) first, coalitions marked. A mentor sees their own stream's row.
/// </summary>
public sealed class StreamsAnalytics(CohortDbContext db) : IAnalyticsTopic
{
    public string Key => "streams";

    public string Title => "Streams";

    public bool ByStream => true;

    public bool ForMentors => true;

    /// <summary>One stream's numbers.</summary>
    private sealed record Row(StreamSummary Stream, int Applications, int Interviews, int Offers, int Accepted)
    {
        /// <summary>Applications per seat; null for a stream with no seats, which sorts last.</summary>
        public double? Oversubscription => Stream.Capacity > 0 ? Math.Round((double)Applications / Stream.Capacity, 2) : null;
    }

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var streams = await SeasonStreams.OfAsync(db, scope.SeasonId, scope.StreamId, cancellation);
        var facts = (await StreamApplicationFacts.OfAsync(db, scope.SeasonId, scope.StreamId, cancellation)).ToLookup(f => f.StreamId);
        var rows = streams
            .Select(s => new Row(s, facts[s.Id].Count(), facts[s.Id].Count(f => f.Interviewed), facts[s.Id].Count(f => f.Offered), facts[s.Id].Count(f => f.Accepted)))
            .OrderByDescending(r => r.Oversubscription ?? double.MinValue).ThenBy(r => r.Stream.Name)
            .ToList();
        var figure = new BarFigure(
            rows.Select(r => r.Stream.Label).ToList(),
            [
                new("applications", rows.Select(r => (double)r.Applications).ToList()),
                new("interviews", rows.Select(r => (double)r.Interviews).ToList()),
                new("offers", rows.Select(r => (double)r.Offers).ToList()),
            ],
            "applicants",
            Marks: new Series("seats", rows.Select(r => (double)r.Stream.Capacity).ToList()));
        var table = new ChartTable(
            ["Stream", "applications", "interviews", "offers", "seats", "accepted", "applications per seat", "coalition"],
            rows.Select(r => (IReadOnlyList<object?>)
                [r.Stream.Label, r.Applications, r.Interviews, r.Offers, r.Stream.Capacity, r.Accepted, r.Oversubscription, r.Stream.IsCoalition]).ToList());
        var chart = new Chart("seats", "Applications, interviews and offers against seats",
            "For each stream, most applications per seat first: bars for its submitted applications, booked interviews and offers made, and a mark at its seats. "
                + string.Join("; ", rows.Select(r => $"{r.Stream.Label}: {r.Applications} applications, {r.Interviews} interviews, {r.Offers} offers, {r.Stream.Capacity} seats")) + ".",
            figure, table, rows.Count == 0 ? "This season has no streams yet." : null);
        return new AnalyticsSection(Key, Title,
        [
            "Applications are submitted stream applications (withdrawn ones included: they were made), interviews are booked interview slots, offers are the offers published matches made, in any state; accepted counts those accepted. Seats are each stream's capacity.",
            "Streams are sorted by applications per seat, the most oversubscribed first. A coalition stream, co-mentored by several mentors, is marked \"(coalition)\".",
        ], [chart]);
    }
}
