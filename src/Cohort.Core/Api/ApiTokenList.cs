using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Api;

/// <summary>Every token, newest first, for the admin page and <c>cohort token list</c>.</summary>
public sealed class ApiTokenList(CohortDbContext db)
{
    public async Task<IReadOnlyList<ApiToken>> ReadAsync(CancellationToken cancellation = default) =>
        await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(cancellation);
}
