using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Mentor;

/// <summary>The mentor's home: only the current season's streams their account mentors, with how many applications each has (past seasons' fellows are on /fellows).</summary>
[Authorize(Roles = Roles.Mentor)]
public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record StreamSummary(string Slug, string Name, bool IsCoalition, int Applications);

    public List<StreamSummary> Streams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Streams = await MentorStreams.Of(db, User.Id()).Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Name)
            .Select(s => new StreamSummary(s.Slug, s.Name, s.Mentors.Count > 1,
                db.StreamApplications.Count(a => a.StreamId == s.Id && a.State != ApplicationState.Draft)))
            .ToListAsync(cancellation);
}
