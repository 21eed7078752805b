using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Exports;

/// <summary>
/// Reads every row of a query written for the API's cursor paging (rows in id order after a given id), a page at a
/// time: the export and <c>/api/v1</c> share the query, so they can never disagree about what a row holds.
/// </summary>
public static class ExportPaging
{
    /// <summary>How many rows a round trip reads: few round trips, and no single query that holds a whole season's answers at once.</summary>
    public const int PageSize = 500;

    public static async Task<List<T>> AllAsync<T>(Func<int, IQueryable<T>> after, Func<T, int> idOf, CancellationToken cancellation)
    {
        var all = new List<T>();
        var lastId = 0;
        while (true)
        {
            var page = await after(lastId).Take(PageSize).ToListAsync(cancellation);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }

            lastId = idOf(page[^1]);
        }
    }
}
