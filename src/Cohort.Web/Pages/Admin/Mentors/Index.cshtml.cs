using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Admin.Mentors;

public class IndexModel(CohortDbContext db) : PageModel
{
    /// <param name="InvitedEmail">The address of an invitation still open, while no account is linked.</param>
    public sealed record Row(Core.Catalogue.Mentor Mentor, string? AccountEmail, string? InvitedEmail, int Streams);

    public List<Row> Mentors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            var open = db.RoleInvitations.OpenIn(season.Id);
            Mentors = await db.Mentors.AsNoTracking().Where(m => m.SeasonId == season.Id).OrderBy(m => m.Name)
                .Select(m => new Row(m, db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(),
                    open.Where(i => i.MentorId == m.Id).OrderByDescending(i => i.SentAt).Select(i => i.Email).FirstOrDefault(), m.Streams.Count))
                .ToListAsync(cancellation);
        }
    }
}
