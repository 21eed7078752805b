using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Extensions;

namespace Cohort.Web.Pages.Mentor.Extensions;

/// <summary>The extension applications of the mentor's own fellows (by each fellowship's stream and season), awaiting a decision first, with the mentor's own endorsement.</summary>
[Authorize(Roles = Roles.Mentor)]
public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record Row(int Id, string Round, string Fellow, string Stream, ApplicationState State, int? MyRating);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var me = User.Id();
        var mine = db.Mentors.Where(m => m.UserId == me).Select(m => m.Id);
        Rows = (await (from a in ExtensionScope.OfMentor(db, me)
                       join r in db.ExtensionRounds on a.RoundId equals r.Id
                       join f in db.Fellowships on a.FellowshipId equals f.Id
                       join u in db.Users on f.ApplicantId equals u.Id
                       join s in db.Streams on f.StreamId equals s.Id
                       orderby r.ClosesAt descending, u.DisplayName
                       select new Row(a.Id, r.Name, u.DisplayName, s.Name, a.State,
                           a.Endorsements.Where(e => mine.Contains(e.MentorId)).Select(e => (int?)e.Rating).FirstOrDefault()))
                .ToListAsync(cancellation))
            .OrderBy(r => ExtensionScope.AwaitsDecision(r.State) ? 0 : 1).ToList();
    }
}
