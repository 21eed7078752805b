using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Mentor.Projects;

/// <summary>Base of the pages about a stream's projects: the stream's mentors to choose from, and the mentor's own profile among them.</summary>
public abstract class ProjectsPage(CohortDbContext db) : MentorPage(db)
{
    public IReadOnlyList<StreamMentorName> StreamMentors =>
        Stream.Mentors.OrderBy(m => m.Position).Select(m => new StreamMentorName(m.MentorId, m.Mentor!.Name, m.Mentor.UserId)).ToList();

    /// <summary>The signed-in mentor's profile in this stream: the default mentor of what they pitch or approve.</summary>
    public IReadOnlyList<int> MyMentorIds => StreamMentors.Where(m => m.UserId == User.Id()).Select(m => m.Id).ToList();

    protected override string BadFormat => "Ranks and capacities must be whole numbers. Nothing was saved.";

    /// <summary>The mentors of each project, by project, in one line.</summary>
    protected async Task<Dictionary<int, string>> MentorNamesAsync(IEnumerable<int> projectIds, CancellationToken cancellation)
    {
        var ids = projectIds.ToList();
        var rows = await Db.ProjectMentors.AsNoTracking().Where(m => ids.Contains(m.ProjectId)).Select(m => new { m.ProjectId, m.Mentor!.Name }).ToListAsync(cancellation);
        return ids.ToDictionary(id => id, id => string.Join(", ", rows.Where(r => r.ProjectId == id).Select(r => r.Name).Order(StringComparer.Ordinal)));
    }

    /// <summary>The stream's fellows, keyed by the stream application of their accepted offer, with their names.</summary>
    protected Task<Dictionary<int, string>> FellowsAsync(CancellationToken cancellation) =>
        Core.Projects.Fellows.NamedOf(Db, Stream.Id).ToDictionaryAsync(f => f.StreamApplicationId, f => f.Name, cancellation);
}
