using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Blind;

/// <summary>
/// The season's blind review settings: which kinds of identity reviewers never see, whether they may read the CV, and
/// which further questions to hide. Before an admin saves them, the season hides everything, the CV included
/// (<see cref="BlindApplication.SettingsAsync"/>). The page lists every question and assessment item with its identity
/// flag, and shows the promise applicants will read, generated from these settings.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    /// <summary>A question or item of the season, with the flag that decides whether reviewers see its answers.</summary>
    public sealed record FlaggedQuestion(string Key, string Prompt, string Where, IdentityFlag Identity);

    public sealed class BlindInput : RecordInput
    {
        public bool HideName { get; set; }
        public bool HideContact { get; set; }
        public bool HideOrganisation { get; set; }
        public bool HideDateOfBirth { get; set; }
        public bool HideUrls { get; set; }
        public bool HideCv { get; set; }
        public bool HideCvFileName { get; set; }
        public List<string> HiddenKeys { get; set; } = [];

        public void CopyTo(BlindSettings settings) =>
            (settings.HideName, settings.HideContact, settings.HideOrganisation, settings.HideDateOfBirth, settings.HideUrls, settings.HideCv, settings.HideCvFileName) =
            (HideName, HideContact, HideOrganisation, HideDateOfBirth, HideUrls, HideCv, HideCvFileName);

        public static BlindInput From(BlindSettings settings) => new()
        {
            Version = settings.Version, HideName = settings.HideName, HideContact = settings.HideContact, HideOrganisation = settings.HideOrganisation,
            HideDateOfBirth = settings.HideDateOfBirth, HideUrls = settings.HideUrls, HideCv = settings.HideCv, HideCvFileName = settings.HideCvFileName,
            HiddenKeys = settings.HiddenQuestionKeys.ToList(),
        };
    }

    [BindProperty]
    public BlindInput Input { get; set; } = new();

    /// <summary>The general and stream questions, whose keys can also be hidden one by one.</summary>
    public List<FlaggedQuestion> Choices { get; private set; } = [];

    /// <summary>The season's assessment items that carry an identity flag.</summary>
    public List<FlaggedQuestion> FlaggedItems { get; private set; } = [];

    /// <summary>What applicants are told, from the settings as saved (or the default).</summary>
    public string Promise { get; private set; } = "";

    /// <summary>False until an admin saves the settings: the page then shows the safe default.</summary>
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is not { } settings)
        {
            return RedirectWithNotice("There is no season yet: import a catalogue first.", "/Admin/Import");
        }

        Input = BlindInput.From(settings);
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

        Input.CopyTo(settings);
        settings.HiddenQuestionKeysText = string.Join('\n', Choices.Select(c => c.Key).Where(Input.HiddenKeys.Contains));
        var details = creating
            ? $"created: {BlindPromise.ForReviewers(settings)} Hidden questions: {string.Join(", ", settings.HiddenQuestionKeys)}"
            : Changes.Describe(Db.Entry(settings), []);
        return await SaveAsync(creating ? "blindsettings.created" : "blindsettings.updated", "blindsettings:season", details, cancellation)
            ? RedirectWithNotice("Saved the blind review settings.", "/Admin/Blind/Index")
            : Page();
    }

    /// <summary>The current season's settings (tracked; a new, unsaved default when there are none) and its questions and items.</summary>
    private async Task<BlindSettings?> LoadAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        var general = await Db.Set<Question>().Where(q => Db.ApplicationForms.Any(f => f.Id == q.FormId && f.SeasonId == season.Id))
            .OrderBy(q => q.Position).Select(q => new FlaggedQuestion(q.Key, q.Prompt, "general application", q.Identity)).ToListAsync(cancellation);
        var streams = await Db.StreamQuestions.Where(q => q.SeasonId == season.Id).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new FlaggedQuestion(q.Key, q.Prompt, "stream application", q.Identity)).ToListAsync(cancellation);
        Choices = general.Concat(streams).DistinctBy(c => c.Key).ToList();
        FlaggedItems = (await Db.Set<AssessmentItem>().Where(i => i.Identity != IdentityFlag.None)
                .Join(Db.Assessments.Where(a => a.Track!.SeasonId == season.Id), i => i.AssessmentId, a => a.Id, (i, a) => new { i.Position, i.Prompt, a.Title, i.Identity })
                .OrderBy(i => i.Title).ThenBy(i => i.Position).ToListAsync(cancellation))
            .Select(i => new FlaggedQuestion($"item {i.Position + 1}", i.Prompt, i.Title, i.Identity)).ToList();
        var settings = await Db.BlindSettings.SingleOrDefaultAsync(s => s.SeasonId == season.Id, cancellation);
        Saved = settings is not null;
        settings ??= new BlindSettings { SeasonId = season.Id };
        Promise = BlindPromise.ForApplicants(settings);
        return settings;
    }
}
