using System.Security.Claims;
using Cohort.Core.Programme;

namespace Cohort.Web.Pages.Shared.Programme;

/// <summary>
/// The season and stream filters of the cohort pages and boards, over the fellowships the reader may see: only seasons
/// and streams that hold such fellows are offered, and the latest season with fellows is the default.
/// </summary>
public sealed record CohortFilter(IReadOnlyList<(int Id, string Name)> Seasons, IReadOnlyList<(int Id, string Name)> Streams, int? SeasonId, int? StreamId)
{
    public static async Task<CohortFilter> LoadAsync(CohortDbContext db, IQueryable<Fellowship> visible, int? season, int? stream, CancellationToken cancellation)
    {
        var seasons = (await db.Seasons.Where(s => visible.Any(f => f.SeasonId == s.Id)).OrderByDescending(s => s.ProgrammeStart)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellation)).Select(s => (s.Id, s.Name)).ToList();
        int? seasonId = seasons.Any(s => s.Id == season) ? season : seasons.Select(s => (int?)s.Id).FirstOrDefault();
        var streams = (await db.Streams.Where(s => visible.Any(f => f.SeasonId == seasonId && f.StreamId == s.Id)).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellation)).Select(s => (s.Id, s.Name)).ToList();
        return new(seasons, streams, seasonId, streams.Any(s => s.Id == stream) ? stream : null);
    }

    /// <summary>
    /// The fellowships the signed-in person may see on the cohort pages, and whether as an admin: an admin who passes
    /// the admin policy (two-factor included) sees every one, anyone else those of the streams they mentor.
    /// </summary>
    public static async Task<(IQueryable<Fellowship> Visible, bool IsAdmin)> VisibleAsync(CohortDbContext db, IAuthorizationService authorization, ClaimsPrincipal user)
    {
        var isAdmin = (await authorization.AuthorizeAsync(user, AccountSetup.AdminPolicy)).Succeeded;
        return (isAdmin ? db.Fellowships : FellowshipScope.OfMentor(db, user.Id()), isAdmin);
    }
}
