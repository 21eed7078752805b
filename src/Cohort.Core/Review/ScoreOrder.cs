namespace Cohort.Core.Review;

/// <summary>The columns a score table sorts by; <see cref="Score"/> is the table's own order (<see cref="ScoreTableRow.TableScore"/>).</summary>
public enum ScoreSort
{
    Score,
    Calibrated,
    Raw,
    StandardError,
    Reviews,
    Spread,
    Composite,
    Name,
}

/// <summary>Where the admin draws the line: the first <see cref="Top"/> rows by table score, or every row scoring at least <see cref="MinScore"/>.</summary>
public sealed record Cutoff(int? Top, double? MinScore)
{
    public bool IsSet => Top is not null || MinScore is not null;
}

/// <summary>
/// Orders a score table and finds the rows above its cutoff. Rows without a value for the sorted column always come
/// last, whichever the direction, so unreviewed subjects never top a table. Ties fall back to the row id, so the
/// order is the same on every load and in the export.
/// </summary>
public static class ScoreOrder
{
    public static IReadOnlyList<ScoreTableRow> Sort(ScoreTable table, ScoreSort sort, bool descending)
    {
        if (sort == ScoreSort.Name)
        {
            var byName = table.Rows.OrderBy(r => r.Row.ApplicantName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Row.Id);
            return (descending ? byName.Reverse() : byName).ToList();
        }

        Func<ScoreTableRow, double?> key = sort switch
        {
            ScoreSort.Score => r => r.TableScore(table.HasComposite),
            ScoreSort.Calibrated => r => r.Score?.Calibrated,
            ScoreSort.Raw => r => r.Score?.RawMean,
            ScoreSort.StandardError => r => r.Score?.StandardError,
            ScoreSort.Reviews => r => r.Score?.ReviewCount ?? 0,
            ScoreSort.Spread => r => r.Score?.Spread,
            ScoreSort.Composite => r => r.Composite.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var known = table.Rows.Where(r => key(r) is not null);
        var ordered = descending ? known.OrderByDescending(r => key(r)).ThenBy(r => r.Row.Id) : known.OrderBy(r => key(r)).ThenBy(r => r.Row.Id);
        return [.. ordered, .. table.Rows.Where(r => key(r) is null).OrderBy(r => r.Row.Id)];
    }

    /// <summary>The ids of the rows above the cutoff, by table score; rows without a score are never above it.</summary>
    public static IReadOnlySet<int> Above(ScoreTable table, Cutoff cutoff)
    {
        var best = Sort(table, ScoreSort.Score, descending: true).Where(r => r.TableScore(table.HasComposite) is not null);
        if (cutoff.Top is { } top)
        {
            best = best.Take(Math.Max(top, 0));
        }

        if (cutoff.MinScore is { } min)
        {
            best = best.Where(r => r.TableScore(table.HasComposite) >= min);
        }

        return cutoff.IsSet ? best.Select(r => r.Row.Id).ToHashSet() : new HashSet<int>();
    }
}
