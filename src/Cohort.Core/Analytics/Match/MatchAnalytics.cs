using System.Globalization;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Matching.Text;

namespace Cohort.Core.Analytics.Match;

/// <summary>
/// The stream match of a season: which choice each applicant got and where each stream's placements stood on its
/// list, each stream's fill, what following the scores costs in blocking pairs, and who moved between the last two
/// runs. Read from the runs' stored input and result, so a run is described as it was, whatever changed since. With a
/// stream in the scope, every chart keeps to that stream and names any other only as "another stream".
/// </summary>
public sealed class MatchAnalytics(CohortDbContext db) : IAnalyticsTopic
{
    public string Key => "match";
    public string Title => "The match";
    public bool ByStream => true;
    public bool ForMentors => true;

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var runs = await SeasonMatchRuns.LoadAsync(db, scope.SeasonId, cancellation);
        var notes = new List<string>
        {
            runs.Shown is { } shown
                ? $"The choices and the fill describe {Describe(shown, scope)}: the latest published run, or the latest preview while none is published. " +
                  "A later round's run matches only the applicants still waiting, on the seats still free."
                : "No match has been run in this season yet.",
            "A run optimal on scores places applicants where the streams' scores add up to the most, so it may leave blocking pairs: an applicant " +
            "and a stream who both ranked each other above what the run gave them. A stable run has none, by its certificate.",
        };
        return new AnalyticsSection(Key, Title, notes,
        [
            Choices(runs.Shown, scope),
            StreamRanks(runs.Shown, scope),
            Fill(runs.Shown, scope),
            Blocking(runs.OnScores, scope),
            Moved(runs.BeforeLatest, runs.Latest, scope),
        ]);
    }

    private static Chart Choices(StoredRun? run, AnalyticsScope scope)
    {
        var placed = run is null ? [] : MatchRanks.Of(run.Input, run.Result).Where(p => InScope(p.Placement.HostId, scope)).ToList();
        var rows = RankBins.Count(placed.Select(p => p.Choice)).Select(b => (Label: $"{b.Label} choice", b.Count)).ToList();
        // Those a run left out belong to the whole season's picture; a stream's picture is of those it took.
        var unplaced = run is null || scope.StreamId is not null ? 0 : run.Result.Placements.Count(p => p.HostId is null);
        if (unplaced > 0)
        {
            rows.Add(("not placed", unplaced));
        }

        var total = rows.Sum(r => r.Count);
        var first = placed.Count(p => p.Choice == 1);
        return RankChart("choices", "Which choice each applicant got", run,
            run is null ? "" : $"{Describe(run, scope)}: {first} of {English.Count(total, "applicant", "applicants")} got their first choice.",
            rows, ["Choice", "Applicants", "Share (%)"], "applicants");
    }

    private static Chart StreamRanks(StoredRun? run, AnalyticsScope scope)
    {
        var placed = run is null ? [] : MatchRanks.Of(run.Input, run.Result).Where(p => InScope(p.Placement.HostId, scope)).ToList();
        var rows = RankBins.Count(placed.Select(p => p.StreamRank ?? int.MaxValue)).Select(b => (Label: $"{b.Label} on the list", b.Count)).ToList();
        var total = placed.Count;
        var seats = run?.Input.Hosts.ToDictionary(h => h.HostId, h => h.Capacity) ?? [];
        var withinSeats = placed.Count(p => p.StreamRank <= seats[p.Placement.HostId!.Value]);
        return RankChart("stream-ranks", "Where each stream's placed applicants stood on its list", run,
            run is null ? "" : $"{Describe(run, scope)}: {withinSeats} of {English.Count(total, "placement", "placements")} went to an applicant the stream ranked within its number of seats.",
            rows, ["Place on the stream's list", "Placed applicants", "Share (%)"], "placed applicants");
    }

    /// <summary>A distribution of ranks: one bar a bin, its count and its share of the whole in the table.</summary>
    private static Chart RankChart(string key, string title, StoredRun? run, string description, IReadOnlyList<(string Label, int Count)> rows, IReadOnlyList<string> columns, string counted)
    {
        var total = rows.Sum(r => r.Count);
        return new Chart(key, title, run is null ? "No run yet." : description,
            new BarFigure(rows.Select(r => r.Label).ToList(), [new Series(counted, rows.Select(r => (double)r.Count).ToList())], counted),
            new ChartTable(columns, rows.Select(r => Row(r.Label, r.Count, ChartCell.Percent(r.Count, total))).ToList()),
            run is null ? NoRun : total == 0 ? "The run placed nobody here." : null);
    }

    private static Chart Fill(StoredRun? run, AnalyticsScope scope)
    {
        var fills = run?.Result.Fills.Where(f => InScope(f.HostId, scope)).ToList() ?? [];
        var names = fills.Select(f => f.Name).ToList();
        return new Chart("fill", "Seats filled, stream by stream",
            run is null ? "No run yet." : $"{Describe(run, scope)}: {fills.Sum(f => f.Filled)} of {English.Count(fills.Sum(f => f.Capacity), "seat", "seats")} open in the run filled; the line marks each stream's seats.",
            new BarFigure(names, [new Series("placed", fills.Select(f => (double)f.Filled).ToList())], "applicants placed", Marks: new Series("seats open in the run", fills.Select(f => (double)f.Capacity).ToList())),
            new ChartTable(["Stream", "Seats open in the run", "Placed", "Filled (%)"], fills.Select(f => Row(f.Name, f.Capacity, f.Filled, ChartCell.Percent(f.Filled, f.Capacity))).ToList()),
            run is null ? NoRun : null);
    }

    private static Chart Blocking(StoredRun? run, AnalyticsScope scope)
    {
        var pairs = run is null ? [] : BlockingPairs.Of(run.Input, run.Result).Where(p => InScope(p.Stream.HostId, scope)).ToList();
        var streams = pairs.GroupBy(p => p.Stream.HostId).Select(g => (g.First().Stream.Name, Pairs: g.ToList())).OrderByDescending(s => s.Pairs.Count).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new Chart("blocking-pairs", "Blocking pairs the run on scores costs",
            run is null ? "No run optimal on scores yet." : $"{Describe(run, scope)} leaves {English.Count(pairs.Count, "blocking pair", "blocking pairs")}, counted by the stream that would take the applicant.",
            new BarFigure(streams.Select(s => s.Name).ToList(), [new Series("blocking pairs", streams.Select(s => (double)s.Pairs.Count).ToList())], "blocking pairs"),
            new ChartTable(["Stream", "Blocking pairs", "Applicants it would rather have (where the run placed them)"],
                streams.Select(s => Row(s.Name, s.Pairs.Count, string.Join("; ", s.Pairs.Select(p => $"{p.Candidate.Name} ({StreamName(p.Placed.HostId, p.Placed.Host, scope)})")))).ToList()),
            run is null ? "No run optimal on scores in this season yet." : pairs.Count == 0 ? "The run on scores leaves no blocking pair here." : null);
    }

    private static Chart Moved(StoredRun? before, StoredRun? after, AnalyticsScope scope)
    {
        var moves = before is null || after is null ? [] : MatchMoves.Between(before.Result, after.Result).Where(m => InScope(m.FromStream, scope) || InScope(m.ToStream, scope)).ToList();
        var streams = before is null || after is null ? [] : before.Input.Hosts.Concat(after.Input.Hosts).DistinctBy(h => h.HostId).Where(h => InScope(h.HostId, scope))
            .Select(h => (h.Name, In: moves.Where(m => m.ToStream == h.HostId).ToList(), Out: moves.Where(m => m.FromStream == h.HostId).ToList()))
            .Where(s => s.In.Count + s.Out.Count > 0).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new Chart("moved", "Who moved between the last two runs",
            before is null || after is null ? "Fewer than two runs." : $"From {Describe(before, scope)} to {Describe(after, scope)}: {English.Count(moves.Count, "applicant", "applicants")} placed differently.",
            new BarFigure(streams.Select(s => s.Name).ToList(), [new Series("moved in", streams.Select(s => (double)s.In.Count).ToList()), new Series("moved out", streams.Select(s => (double)s.Out.Count).ToList())], "applicants"),
            new ChartTable(["Stream", "Moved in", "Moved out", "Who moved in (from)", "Who moved out (to)"],
                streams.Select(s => Row(s.Name, s.In.Count, s.Out.Count,
                    string.Join("; ", s.In.Select(m => $"{m.Name} ({StreamName(m.FromStream, m.From, scope)})")),
                    string.Join("; ", s.Out.Select(m => $"{m.Name} ({StreamName(m.ToStream, m.To, scope)})")))).ToList()),
            before is null || after is null ? "Fewer than two runs in this season: nothing to compare yet." : moves.Count == 0 ? "Nobody here moved between the last two runs." : null);
    }

    private const string NoRun = "No match has been run in this season yet.";

    /// <summary>Whether a stream's numbers belong in the scope: every stream's for the whole season, one stream's for a stream.</summary>
    private static bool InScope(int? streamId, AnalyticsScope scope) => streamId is not null && (scope.StreamId is null || streamId == scope.StreamId);

    /// <summary>A stream as a placement names it; outside a stream's scope, only "another stream", so its view says nothing of others.</summary>
    private static string StreamName(int? streamId, string? name, AnalyticsScope scope) => streamId switch
    {
        null => "not placed",
        _ when scope.StreamId is { } own && streamId != own => "another stream",
        _ => name!,
    };

    private static string Describe(StoredRun run, AnalyticsScope scope) =>
        $"run {run.Id} ({run.Algorithm.Describe(MatchKind.Streams)}, " +
        (run.PublishedAt is { } published ? $"published {At(published, scope)})" : $"not published, run {At(run.CreatedAt, scope)})");

    private static string At(DateTime utc, AnalyticsScope scope) => scope.Local(utc).ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
