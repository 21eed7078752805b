namespace Cohort.Core.Review;

/// <summary>The columns a ranking table sorts by.</summary>
public enum RankingSort
{
    Rank,
    Calibrated,
    Raw,
    StandardError,
    Reviews,
    Spread,
    Composite,
    Name,
}

/// <summary>Where the admin draws the line: the first <see cref="Top"/> rows by ranking score, or every row scoring at least <see cref="MinScore"/>.</summary>
public sealed record Cutoff(int? Top, double? MinScore)
{
    public bool IsSet => Top is not null || MinScore is not null;
}

/// <summary>
/// Orders a ranking and finds the rows above its cutoff. Rows without a value for the sorted column always come
/// last, whichever the direction, so unreviewed subjects never top a table. Ties fall back to the row id, so the
/// order is the same on every load and in the export.
/// </summary>
public static class RankingOrder
{
    public static IReadOnlyList<RankingRow> Sort(Ranking ranking, RankingSort sort, bool descending)
    {
        if (sort == RankingSort.Name)
        {
            var byName = ranking.Rows.OrderBy(r => r.Row.ApplicantName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Row.Id);
            return (descending ? byName.Reverse() : byName).ToList();
        }

        Func<RankingRow, double?> key = sort switch
        {
            RankingSort.Rank => r => r.RankingScore(ranking.HasComposite),
            RankingSort.Calibrated => r => r.Score?.Calibrated,
            RankingSort.Raw => r => r.Score?.RawMean,
            RankingSort.StandardError => r => r.Score?.StandardError,
            RankingSort.Reviews => r => r.Score?.ReviewCount ?? 0,
            RankingSort.Spread => r => r.Score?.Spread,
            RankingSort.Composite => r => r.Composite.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var known = ranking.Rows.Where(r => key(r) is not null);
        var ordered = descending ? known.OrderByDescending(r => key(r)).ThenBy(r => r.Row.Id) : known.OrderBy(r => key(r)).ThenBy(r => r.Row.Id);
        return [.. ordered, .. ranking.Rows.Where(r => key(r) is null).OrderBy(r => r.Row.Id)];
    }

    /// <summary>The ids of the rows above the cutoff, by ranking score; rows without a score are never above it.</summary>
    public static IReadOnlySet<int> Above(Ranking ranking, Cutoff cutoff)
    {
        var ranked = Sort(ranking, RankingSort.Rank, descending: true).Where(r => r.RankingScore(ranking.HasComposite) is not null);
        if (cutoff.Top is { } top)
        {
            ranked = ranked.Take(Math.Max(top, 0));
        }

        if (cutoff.MinScore is { } min)
        {
            ranked = ranked.Where(r => r.RankingScore(ranking.HasComposite) >= min);
        }

        return cutoff.IsSet ? ranked.Select(r => r.Row.Id).ToHashSet() : new HashSet<int>();
    }
}
