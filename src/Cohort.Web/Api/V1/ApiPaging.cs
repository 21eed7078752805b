using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Api.V1;

/// <summary>A page of a list, and the link to the next one (null on the last page).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Cursor paging for every <c>/api/v1</c> list: rows in id order, the cursor an opaque base64url of the last id seen,
/// so a page is an index seek however deep the client has read, and rows added meanwhile are neither skipped nor
/// repeated. <c>limit</c> is 1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when absent.
/// </summary>
public static class ApiPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page after <paramref name="cursor"/>, or a 400 ProblemDetails naming the bad parameter.</summary>
    /// <param name="after">The rows whose id is above the given one, in id order (the query, not yet run).</param>
    /// <param name="idOf">A row's id, to write the cursor.</param>
    public static Task<Results<Ok<ApiPage<T>>, ValidationProblem>> PageAsync<T>(
        HttpRequest request, string? cursor, int? limit, Func<int, IQueryable<T>> after, Func<T, int> idOf, CancellationToken cancellation) =>
        PageAsync(request, cursor, limit, async (lastId, take) => await after(lastId).Take(take).ToListAsync(cancellation), idOf);

    /// <summary>The same, for a Core query that reads a page itself (it completes its rows after the database's part).</summary>
    /// <param name="page">Up to <c>take</c> rows whose id is above the given one, in id order.</param>
    public static async Task<Results<Ok<ApiPage<T>>, ValidationProblem>> PageAsync<T>(
        HttpRequest request, string? cursor, int? limit, Func<int, int, Task<IReadOnlyList<T>>> page, Func<T, int> idOf)
    {
        var size = limit ?? DefaultLimit;
        var errors = new Dictionary<string, string[]>();
        if (size is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        var lastId = 0;
        if (cursor is not null && !TryRead(cursor, out lastId))
        {
            errors["cursor"] = ["cursor is not one this API gave out; start again without it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request's parameters are not valid.");
        }

        var rows = await page(lastId, size + 1);
        var next = rows.Count > size ? NextLink(request, Write(idOf(rows[size - 1])), size) : null;
        return TypedResults.Ok(new ApiPage<T>(rows.Take(size).ToList(), next));
    }

    private static string Write(int id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture)));

    private static bool TryRead(string cursor, out int id)
    {
        id = 0;
        try
        {
            return int.TryParse(Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The same request with the new cursor, keeping its filters, as a path relative to the host.</summary>
    private static string NextLink(HttpRequest request, string cursor, int limit)
    {
        var query = request.Query.Where(q => q.Key is not ("cursor" or "limit"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"limit={limit}").Append($"cursor={cursor}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
