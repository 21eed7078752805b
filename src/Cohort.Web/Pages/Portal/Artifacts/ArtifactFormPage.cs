using Cohort.Core.Artifacts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Portal.Artifacts;

/// <summary>
/// Base of the pages that record and edit an artifact: the form, the season's fellows and mentors to pick authors from,
/// and the way Core's problems land beside their fields. Only fellows reach them; anyone else gets 404.
/// </summary>
[Authorize(Roles = Core.Accounts.Roles.Applicant)]
public abstract class ArtifactFormPage(CohortDbContext db) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    [BindProperty]
    public ArtifactForm Input { get; set; } = new();

    /// <summary>The byline's choices: the season's fellows, then its mentors, each with a key the form posts.</summary>
    public List<SelectListItem> People { get; private set; } = [];

    public List<SelectListItem> Kinds { get; } = Enum.GetValues<ArtifactKind>().Select(k => new SelectListItem(Capital(ArtifactWords.Kind(k)), k.ToString())).ToList();

    public List<SelectListItem> States { get; } = Enum.GetValues<ArtifactState>().Select(s => new SelectListItem(Capital(ArtifactWords.State(s)), s.ToString())).ToList();

    public List<SelectListItem> LicenceItems { get; } = Licences.All.Select(l => new SelectListItem($"{l.Name} ({l.Id})", l.Id)).ToList();

    /// <summary>The name of the PDF attached now, if any (edit only).</summary>
    public string? PdfName { get; protected set; }

    protected async Task LoadPeopleAsync(int seasonId, CancellationToken cancellation)
    {
        var fellowGroup = new SelectListGroup { Name = "Fellows of the season" };
        var mentorGroup = new SelectListGroup { Name = "Mentors of the season" };
        var fellows = await Db.Fellowships.AsNoTracking().Where(f => f.SeasonId == seasonId)
            .Select(f => new { f.Id, Name = Db.Users.Where(u => u.Id == f.ApplicantId).Select(u => u.DisplayName).First() }).ToListAsync(cancellation);
        var mentors = await Db.Mentors.AsNoTracking().Where(m => m.SeasonId == seasonId).Select(m => new { m.Id, m.Name }).ToListAsync(cancellation);
        People =
        [
            new("An outside author, named in the next box", ""),
            .. fellows.OrderBy(f => f.Name, StringComparer.CurrentCulture).Select(f => new SelectListItem(f.Name, AuthorRow.FellowKey(f.Id)) { Group = fellowGroup }),
            .. mentors.OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => new SelectListItem(m.Name, AuthorRow.MentorKey(m.Id)) { Group = mentorGroup }),
        ];
    }

    /// <summary>The choices of one byline row, with its person selected.</summary>
    public IEnumerable<SelectListItem> PeopleFor(AuthorRow row) =>
        People.Select(p => new SelectListItem(p.Text, p.Value, p.Value == (row.Who ?? "")) { Group = p.Group });

    /// <summary>
    /// Saves the form through <paramref name="save"/> and goes back to the list, <paramref name="done"/> in its notice;
    /// or, when the form is malformed or Core refuses it, null, with the problems beside their fields (or above the form)
    /// and the byline's spare rows back, for the page to show again.
    /// </summary>
    protected async Task<IActionResult?> SaveAsync(Func<ArtifactInput, Task<ArtifactOutcome>> save, string done)
    {
        if (ModelState.IsValid)
        {
            var outcome = await save(Input.ToInput());
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"“{Input.Title?.Trim()}” was {done}.";
                return RedirectToPage("Index");
            }

            foreach (var (field, problem) in outcome.Problems)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", problem);
            }
        }

        Input.AddSpareRows();
        return null;
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
