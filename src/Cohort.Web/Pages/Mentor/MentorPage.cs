using Cohort.Core.StreamApplications;
using Cohort.Web.Applications;

namespace Cohort.Web.Pages.Mentoring;

/// <summary>
/// Base of the pages about one of the mentor's streams. The stream is looked up among the signed-in mentor's own
/// streams only, so a guessed slug or id of another stream answers 404 and reveals nothing.
/// </summary>
public abstract class MentorPage(CohortDbContext db) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    protected Actor Actor => new(UserId.Of(User), User.Identity?.Name ?? "mentor");

    public ResearchStream Stream { get; private set; } = null!;

    protected async Task<bool> FindStreamAsync(string slug, CancellationToken cancellation)
    {
        var stream = await MentorStreams.Current(Db, UserId.Of(User), slug).AsNoTracking().Include(s => s.Mentors).ThenInclude(m => m.Mentor)
            .SingleOrDefaultAsync(cancellation);
        Stream = stream!;
        return stream is not null;
    }
}
