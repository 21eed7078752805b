using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Shared.Assessments;

/// <summary>
/// What an audience of the assessment editor may edit and where its pages lead: for admins, every assessment of the
/// season; for a stream's mentors, their stream's (see <c>Mentor.Assessments.StreamEditorScope</c>).
/// </summary>
public abstract class EditorScope
{
    public abstract EditorLinks Links { get; }

    /// <summary>Where the editor goes after saving, with the route values it needs.</summary>
    public abstract string ListPage { get; }

    public virtual object? ListRoute => null;

    /// <summary>The assessments the page may edit, and whose items it may edit.</summary>
    public abstract IQueryable<Assessment> Editable(CohortDbContext db, Season season);

    /// <summary>Finds what the address names besides the record (a mentor's own stream); false answers 404.</summary>
    public virtual Task<bool> FindAsync(CohortDbContext db, PageModel page, CancellationToken cancellation) => Task.FromResult(true);
}
