using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Programme;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Milestones;

/// <summary>
/// Adds a milestone (/admin/milestones/new?season=…) or edits one (/admin/milestones/{key}/edit). The due date is
/// typed on the admin's own clock (their account's time zone, UTC without one) and stored in UTC by <see cref="SaveMilestone"/>.
/// </summary>
public sealed class MilestoneFormModel(CohortDbContext db, SaveMilestone save) : PageModel
{
    public sealed class MilestoneInput
    {
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [Display(Name = "Description")]
        public string? Description { get; set; }

        [Display(Name = "Due date and time")]
        public DateTime? Due { get; set; }

        [Display(Name = "What the fellow hands in")]
        public SubmissionKind Submission { get; set; }

        [Display(Name = "A mentor signs it off with an assessment")]
        public bool RequiresSignOff { get; set; }

        [Display(Name = "Remind the fellow this many days before (0: only when overdue)")]
        public int RemindDaysBefore { get; set; } = 3;

        [Display(Name = "Only for the fellows extended by")]
        public int? ExtensionRoundId { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public bool IsNew { get; private set; }
    public int SeasonId { get; private set; }
    public string SeasonName { get; private set; } = "";
    public string Zone => ReaderZone.Of(User)?.Id ?? "UTC";
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<SubmissionKind>().Select(k => new SelectListItem(SaveMilestone.Say(k), k.ToString())).ToList();
    public List<SelectListItem> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? key, int? season, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, season, cancellation))
        {
            return NotFound();
        }

        if (key is { } id)
        {
            var milestone = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == id, cancellation);
            var zone = ReaderZone.Of(User);
            Input = new MilestoneInput
            {
                Title = milestone.Title, Description = milestone.Description, Due = zone is null ? milestone.DueAt : TimeZones.ToZone(milestone.DueAt, zone),
                Submission = milestone.Submission, RequiresSignOff = milestone.RequiresSignOff, RemindDaysBefore = milestone.RemindDaysBefore,
                ExtensionRoundId = milestone.ExtensionRoundId, Version = milestone.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? key, int? season, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, season, cancellation))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input.Due is null)
        {
            ModelState.AddModelError("Input.Due", "Give the due date and time, and whole numbers where numbers are asked.");
            return Page();
        }

        var details = new MilestoneDetails(Input.Title ?? "", Input.Description, Input.Due.Value, ReaderZone.Of(User)?.Id, Input.Submission,
            Input.RequiresSignOff, Input.RemindDaysBefore, Input.ExtensionRoundId);
        var outcome = key is { } id
            ? await save.EditAsync(User.AsActor(), id, Input.Version, details, cancellation)
            : await save.AddAsync(User.AsActor(), SeasonId, details, cancellation);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        TempData["Notice"] = $"The milestone “{details.Title.Trim()}” is saved.";
        return RedirectToPage("/Admin/Milestones/Index", new { season = SeasonId });
    }

    private async Task<bool> LoadAsync(int? key, int? season, CancellationToken cancellation)
    {
        IsNew = key is null;
        int? seasonId = key is { } id
            ? await db.Milestones.Where(m => m.Id == id).Select(m => (int?)m.SeasonId).SingleOrDefaultAsync(cancellation)
            : await MilestoneSeasons.ChooseAsync(db, season, cancellation);
        if (seasonId is null)
        {
            return false;
        }

        SeasonId = seasonId.Value;
        SeasonName = await db.Seasons.Where(s => s.Id == SeasonId).Select(s => s.Name).SingleAsync(cancellation);
        Rounds = await db.ExtensionRounds.Where(r => r.SeasonId == SeasonId).OrderBy(r => r.OpensAt)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellation);
        Rounds.Insert(0, new SelectListItem("Every fellow of the season", ""));
        return true;
    }
}
