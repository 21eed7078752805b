namespace Cohort.Core.Exports;

/// <summary>
/// Every row of a Core query that reads a page at a time by id, the way the <c>/api/v1</c> read of the same concept
/// pages it: an export runs the very query the API does, page after page, and never a second copy of it.
/// </summary>
public static class ExportPages
{
    /// <summary>How many rows an export reads at a time: big enough for few round trips, small enough for bounded memory per read.</summary>
    public const int Size = 1000;

    /// <param name="page">Up to <c>take</c> rows whose id is above the given one, in id order.</param>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<int, int, Task<IReadOnlyList<T>>> page, Func<T, int> idOf)
    {
        var all = new List<T>();
        for (var after = 0; ;)
        {
            var rows = await page(after, Size);
            all.AddRange(rows);
            if (rows.Count < Size)
            {
                return all;
            }

            after = idOf(rows[^1]);
        }
    }
}
