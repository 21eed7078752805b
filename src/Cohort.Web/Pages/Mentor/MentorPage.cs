using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// Base of the pages about one of the mentor's streams. The stream is looked up among the signed-in mentor's own
/// streams only, so a guessed slug or id of another stream answers 404 and reveals nothing.
/// </summary>
public abstract class MentorPage(CohortDbContext db) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    public ResearchStream Stream { get; private set; } = null!;

    public string? Refusal { get; private set; }

    /// <summary>What a post with fields in the wrong format is told.</summary>
    protected virtual string BadFormat => "Some fields are not in the expected format.";

    /// <summary>Loads what the page shows of the mentor's stream <paramref name="slug"/>; false when it is not theirs.</summary>
    protected abstract Task<bool> LoadAsync(string slug, CancellationToken cancellation);

    /// <summary>
    /// Runs one change a form posts to the mentor's stream: 404 for a stream that is not theirs, a refusal shown on the
    /// page with what was typed, or <paramref name="notice"/> after a redirect.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(string slug, Func<Task<string?>> change, string notice, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return NotFound();
        }

        Refusal = ModelState.IsValid ? await change() : BadFormat;
        if (Refusal is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { slug });
        }

        // What the change named may be gone (or never have been in this stream): then there is no page to show.
        return await LoadAsync(slug, cancellation) ? Page() : NotFound();
    }

    protected async Task<bool> FindStreamAsync(string slug, CancellationToken cancellation)
    {
        var stream = await MentorStreams.Current(Db, User.Id(), slug).AsNoTracking().Include(s => s.Mentors).ThenInclude(m => m.Mentor)
            .SingleOrDefaultAsync(cancellation);
        Stream = stream!;
        return stream is not null;
    }
}
