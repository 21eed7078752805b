using Cohort.Core.Analytics;
using Cohort.Web.Pages.Shared.Analytics;

namespace Cohort.Web.Pages.Admin.Analytics;

/// <summary>
/// The season at a glance, one topic a page (funnel, arrivals, streams, review quality, assessments, the match,
/// offers), each computed from the database on request for the chosen season and stream; every chart's numbers
/// download as CSV with the same filters. Anyone signed in who is not an admin (a mentor above all) gets 404, as if
/// the page did not exist (docs/decisions/analytics.md).
/// </summary>
[NotFoundWhenRefused]
public class IndexModel(CohortDbContext db, IEnumerable<IAnalyticsTopic> topics, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IAnalyticsTopic> Topics { get; } = topics.ToList();
    public IAnalyticsTopic Topic { get; private set; } = null!;
    public AnalyticsFilter Filter { get; private set; } = null!;
    public SectionView? Section { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? topic, int? season, int? stream, CancellationToken cancellation)
    {
        if (!await LoadAsync(topic, season, stream, cancellation))
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>One chart's numbers as CSV, with the page's filters; 404 for a chart the topic does not have.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? topic, int? season, int? stream, string? chart, CancellationToken cancellation)
    {
        if (!await LoadAsync(topic, season, stream, cancellation) || Section?.Section.Charts.FirstOrDefault(c => c.Key == chart) is not { } found)
        {
            return NotFound();
        }

        var scope = Filter.StreamName is { } name ? $", stream {name}" : "";
        return await ChartDownload.CsvAsync(Topic, found, $"season {Filter.SeasonName}{scope}", Zone, clock.GetUtcNow().UtcDateTime, cancellation);
    }

    /// <summary>The address of this topic (or another) with the current filters.</summary>
    public string Href(IAnalyticsTopic topic) => QueryString($"/admin/analytics/{topic.Key}", topic.ByStream ? Filter.StreamId : null);

    private TimeZoneInfo Zone => ReaderZone.OrUtc(User);

    private string QueryString(string path, int? stream) =>
        $"{path}?season={Filter.SeasonId}{(stream is { } id ? $"&stream={id}" : "")}";

    private async Task<bool> LoadAsync(string? topic, int? season, int? stream, CancellationToken cancellation)
    {
        if ((topic is null ? Topics.FirstOrDefault() : Topics.FirstOrDefault(t => t.Key == topic)) is not { } found)
        {
            return false;
        }

        Topic = found;
        Filter = await AnalyticsFilter.LoadAsync(db, season, stream, found.ByStream, cancellation);
        if (Filter.SeasonId is { } seasonId)
        {
            var section = await found.BuildAsync(new AnalyticsScope(seasonId, Filter.StreamId, Zone), cancellation);
            Section = new(section, QueryString($"/admin/analytics/{found.Key}", Filter.StreamId) + "&handler=csv");
        }

        return true;
    }
}
