using Cohort.Core.Analytics.Charts;

namespace Cohort.Core.Analytics.Funnel;

/// <summary>A funnel drawn as stacked bars, one a step: the people who went on, and those who stopped there and why.</summary>
internal static class FunnelChart
{
    private static readonly string[] Parts = ["went on", "waiting", "withdrew or declined", "rejected"];

    public static Chart Of(string key, string title, string first, IReadOnlyList<FunnelStep> steps)
    {
        var figure = new BarFigure(
            steps.Select(s => s.Name).ToList(),
            [
                new(Parts[0], steps.Select(s => (double)s.WentOn).ToList()),
                new(Parts[1], steps.Select(s => (double)s.Waiting).ToList()),
                new(Parts[2], steps.Select(s => (double)s.Withdrew).ToList()),
                new(Parts[3], steps.Select(s => (double)s.Rejected).ToList()),
            ],
            "people",
            Stacked: true);
        var table = new ChartTable(
            ["Step", .. Parts, "reached", "% of the step before", $"% of {first}"],
            steps.Select((s, i) => (IReadOnlyList<object?>)
            [
                s.Name, s.WentOn, s.Waiting, s.Withdrew, s.Rejected, s.Reached,
                i == 0 ? null : ChartCell.Percent(s.Reached, steps[i - 1].Reached), ChartCell.Percent(s.Reached, steps[0].Reached),
            ]).ToList());
        var description = "Each bar is a step and its length the people who reached it, split into those who went on, those "
            + "waiting there, those who withdrew or declined there and those rejected there. "
            + string.Join("; ", steps.Select(s => $"{s.Name}: {s.Reached}")) + ".";
        return new Chart(key, title, description, figure, table, steps.All(s => s.Reached == 0) ? $"Nobody has {first} yet." : null);
    }
}
