using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>
/// How reads that are not the admin's view name an applicant: by the id of their general application in the season
/// (docs/decisions/exports.md, the blind rule), never by their account. The identified view adds their name and email.
/// </summary>
public static class ApplicantReferences
{
    /// <summary>Each of <paramref name="applicantIds"/>' general application in season <paramref name="seasonId"/>, by account id.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> GeneralApplicationsAsync(CohortDbContext db, int seasonId, IReadOnlyCollection<string> applicantIds, CancellationToken cancellation) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General && applicantIds.Contains(a.ApplicantId))
            .ToDictionaryAsync(a => a.ApplicantId, a => a.Id, cancellation);

    /// <summary>The name and email of each of <paramref name="accountIds"/>, by account id: for identified views only.</summary>
    public static async Task<IReadOnlyDictionary<string, (string Name, string Email)>> IdentitiesAsync(CohortDbContext db, IReadOnlyCollection<string> accountIds, CancellationToken cancellation) =>
        (await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellation))
            .ToDictionary(u => u.Id, u => (u.DisplayName, u.Email ?? ""));
}
