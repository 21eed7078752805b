using Cohort.Core.Applications;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Blind;

/// <summary>
/// The season's blind review settings: which identity fields reviewers never see. Before an admin saves them, the
/// season hides name, email, CV file name and links (<see cref="BlindApplication.SettingsAsync"/>); question keys to
/// hide are chosen among the general form's and the stream questions' keys.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit) : AdminPage(db, audit)
{
    public sealed record KeyChoice(string Key, string Prompt, string Where);

    public sealed class BlindInput : RecordInput
    {
        public bool HideName { get; set; }
        public bool HideEmail { get; set; }
        public bool HideCvFileName { get; set; }
        public bool HideUrls { get; set; }
        public List<string> HiddenKeys { get; set; } = [];
    }

    [BindProperty]
    public BlindInput Input { get; set; } = new();

    public List<KeyChoice> Choices { get; private set; } = [];

    /// <summary>False until an admin saves the settings: the page then shows the safe default.</summary>
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is not { } settings)
        {
            return RedirectWithNotice("There is no season yet: import a catalogue first.", "/Admin/Import");
        }

        Input = new BlindInput
        {
            Version = settings.Version, HideName = settings.HideName, HideEmail = settings.HideEmail, HideCvFileName = settings.HideCvFileName,
            HideUrls = settings.HideUrls, HiddenKeys = settings.HiddenQuestionKeys.ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is not { } settings)
        {
            return NotFound();
        }

        var known = Choices.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (Input.HiddenKeys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            ModelState.AddModelError("", $"There is no question “{unknown}” in this season any more; reload the page.");
            return Page();
        }

        var creating = !Saved;
        if (creating)
        {
            Db.BlindSettings.Add(settings);
        }
        else
        {
            Guard(settings, Input.Version);
        }

        (settings.HideName, settings.HideEmail, settings.HideCvFileName, settings.HideUrls) = (Input.HideName, Input.HideEmail, Input.HideCvFileName, Input.HideUrls);
        settings.HiddenQuestionKeysText = string.Join('\n', Choices.Select(c => c.Key).Where(Input.HiddenKeys.Contains));
        var details = creating
            ? $"created: name {Shown(settings.HideName)}, email {Shown(settings.HideEmail)}, CV file name {Shown(settings.HideCvFileName)}, links {Shown(settings.HideUrls)}, hidden questions: {string.Join(", ", settings.HiddenQuestionKeys)}"
            : Changes.Describe(Db.Entry(settings), []);
        return await SaveAsync(creating ? "blindsettings.created" : "blindsettings.updated", "blindsettings:season", details, cancellation)
            ? RedirectWithNotice("Saved the blind review settings.", "/Admin/Blind/Index")
            : Page();
    }

    private static string Shown(bool hidden) => hidden ? "hidden" : "shown";

    /// <summary>The current season's settings (tracked; a new, unsaved default when there are none) and the question keys to choose from.</summary>
    private async Task<BlindSettings?> LoadAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        var general = await Db.Set<Question>().Where(q => Db.ApplicationForms.Any(f => f.Id == q.FormId && f.SeasonId == season.Id))
            .OrderBy(q => q.Position).Select(q => new KeyChoice(q.Key, q.Prompt, "general application")).ToListAsync(cancellation);
        var streams = await Db.StreamQuestions.Where(q => q.SeasonId == season.Id).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new KeyChoice(q.Key, q.Prompt, "stream application")).ToListAsync(cancellation);
        Choices = general.Concat(streams).DistinctBy(c => c.Key).ToList();
        var settings = await Db.BlindSettings.SingleOrDefaultAsync(s => s.SeasonId == season.Id, cancellation);
        Saved = settings is not null;
        return settings ?? new BlindSettings { SeasonId = season.Id };
    }
}
