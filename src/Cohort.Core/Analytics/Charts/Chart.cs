namespace Cohort.Core.Analytics.Charts;

/// <summary>
/// One chart of an analytics section: what it is called and says (the SVG's title and description, for screen
/// readers as much as for the eye), what to draw, and the numbers behind it as a table (shown under a disclosure and
/// downloaded as CSV). The figure and the table are built from the same rows, so they cannot disagree.
/// </summary>
/// <param name="Key">The chart's name in its section, for the CSV download's address: lower case and dashes.</param>
/// <param name="Empty">When there is nothing to draw, the sentence said instead (the table still shows its columns).</param>
public sealed record Chart(string Key, string Title, string Description, Figure Figure, ChartTable Table, string? Empty = null);

/// <summary>
/// The numbers behind a chart. Cells are strings, whole numbers, doubles, dates or null (nothing to show); the page's
/// table and the CSV both write them through <see cref="ChartCell.Format"/>.
/// </summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>One topic of the analytics page: its charts and the sentences that explain them.</summary>
/// <param name="Notes">Paragraphs under the section's title: how to read it, what a statistic means and why it was chosen.</param>
public sealed record AnalyticsSection(string Key, string Title, IReadOnlyList<string> Notes, IReadOnlyList<Chart> Charts);
