namespace Cohort.Core.Analytics.Charts;

/// <summary>What a chart draws. The page renders each kind as server-side SVG (Cohort.Web, Pages/Shared/Analytics).</summary>
public abstract record Figure;

/// <summary>
/// Horizontal bars: one row per category, one bar per series in each row (side by side), or the series stacked end
/// to end when <paramref name="Stacked"/>. Categories are drawn in the order given.
/// </summary>
/// <param name="Axis">What the bars measure, under the axis ("applications", "share of reviews (%)").</param>
/// <param name="Marks">Optional per-category marks drawn as a thin line across the row (e.g. a stream's seats).</param>
public sealed record BarFigure(IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, string Axis, bool Stacked = false, Series? Marks = null) : Figure;

/// <summary>One series of a bar figure: a value per category, in the categories' order.</summary>
public sealed record Series(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Lines over a numeric or time axis, with vertical markers (deadlines). Time values are UTC ticks converted by the
/// caller into the reader's zone before they get here (<see cref="LinePoint.X"/> is then a local time's ticks).
/// </summary>
public sealed record LineFigure(IReadOnlyList<Line> Lines, string XAxis, string YAxis, bool XIsTime, IReadOnlyList<Marker> Markers) : Figure;

/// <summary>One line: points in increasing X. A dashed line is a comparison (last season's curve).</summary>
public sealed record Line(string Name, IReadOnlyList<LinePoint> Points, bool Dashed = false);

public readonly record struct LinePoint(double X, double Y);

/// <summary>A vertical line at <see cref="X"/> with its label (a deadline).</summary>
public sealed record Marker(string Label, double X);

/// <summary>
/// Estimates with intervals, one row each (a forest plot): a reviewer's leniency and its 95% interval, an item's
/// discrimination and its interval. A flagged row is drawn apart; what earns the flag is the chart's to say in its
/// description (a leniency whose interval excludes <paramref name="Reference"/>, a negative discrimination).
/// </summary>
/// <param name="Reference">The value drawn as a vertical line (0 for leniency: an average reviewer).</param>
public sealed record IntervalFigure(IReadOnlyList<Estimate> Estimates, string Axis, double Reference) : Figure;

public sealed record Estimate(string Label, double Value, double Low, double High, bool Flagged = false);

/// <summary>
/// A slope chart: each label moved from a place on the left to a place on the right (rank by raw mean, rank once
/// calibrated). Rank 1 is at the top; a line that climbs is a subject calibration moved up.
/// </summary>
public sealed record SlopeFigure(string Left, string Right, IReadOnlyList<Slope> Slopes) : Figure;

public sealed record Slope(string Label, int From, int To);
