using Cohort.Core.Match;

namespace Cohort.Web.Pages.Admin.Seasons;

/// <summary>
/// Every season the database holds, newest first, with what each ended in: its applicants and the fellows who
/// accepted an offer, by stream. The rest of the admin pages serve the current season only; this is where last
/// year's outcome stays readable.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    public sealed record Fellow(string Name, string Stream);

    public sealed record Outcome(Season Season, int Applicants, IReadOnlyList<Fellow> Fellows);

    public List<Outcome> Seasons { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        foreach (var season in await Db.Seasons.AsNoTracking().OrderByDescending(s => s.ProgrammeStart).ToListAsync(cancellation))
        {
            var applicants = await Db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id)
                .Select(a => a.ApplicantId).Union(Db.Applications.Where(a => a.Form!.SeasonId == season.Id).Select(a => a.ApplicantId))
                .CountAsync(cancellation);
            var fellows = await (
                from offer in Db.Offers.Where(o => o.SeasonId == season.Id && o.State == OfferState.Accepted)
                join stream in Db.Streams on offer.StreamId equals stream.Id
                join user in Db.Users on offer.ApplicantId equals user.Id
                orderby stream.Name, user.DisplayName
                select new Fellow(user.DisplayName, stream.Name)).ToListAsync(cancellation);
            Seasons.Add(new Outcome(season, applicants, fellows));
        }
    }
}
