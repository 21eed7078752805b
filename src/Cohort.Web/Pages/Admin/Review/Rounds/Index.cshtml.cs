using System.ComponentModel.DataAnnotations;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Review.Rounds;

/// <summary>The current season's review rounds, and the form that creates one for a stage (at stage 3, for one stream; for extensions, one extension round).</summary>
public class IndexModel(CohortDbContext db, AuditLog audit, CreateReviewRound create) : AuditedPage(db, audit)
{
    /// <param name="Stream">What the round reviews within its stage: the stream at stage 3, the extension round for extensions.</param>
    public sealed record Row(ReviewRound Round, string? Stream, string Rubric, int Assignments);

    public sealed class RoundInput
    {
        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        public StageKind Stage { get; set; }

        [Display(Name = "Stream (stage 3 only)")]
        public int? StreamId { get; set; }

        [Display(Name = "Extension round (extension applications only)")]
        public int? ExtensionRoundId { get; set; }

        [Display(Name = "Rubric")]
        public int RubricId { get; set; }

        [Range(1, CreateReviewRound.MaxReviewsPerApplication), Display(Name = "Reviews per application")]
        public int ReviewsPerApplication { get; set; } = 2;

        [Display(Name = "Due (UTC)")]
        public DateTime? DueAt { get; set; }
    }

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public List<Row> Rounds { get; private set; } = [];

    public List<SelectListItem> Rubrics { get; private set; } = [];

    public List<SelectListItem> Streams { get; private set; } = [];

    public List<SelectListItem> ExtensionRounds { get; private set; } = [];

    public IEnumerable<SelectListItem> Stages { get; } =
    [
        new("1. General application", nameof(StageKind.General)),
        new("2. Assessments", nameof(StageKind.Assessment)),
        new("3. Stream applications", nameof(StageKind.Streams)),
        new("Extension applications", nameof(StageKind.Extension)),
    ];

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (ModelState.IsValid)
        {
            var due = Input.DueAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
            var outcome = await create.RunAsync(User.AsActor(), new ReviewRoundRequest(Input.Name, Input.Stage, Input.StreamId, Input.RubricId, Input.ReviewsPerApplication, due, Input.ExtensionRoundId), cancellation);
            if (outcome.Round is { } round)
            {
                return RedirectWithNotice($"Created the round “{round.Name}”. Assign its reviewers next.", "/Admin/Review/Rounds/Show", new { id = round.Id });
            }

            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError("", problem);
            }
        }

        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return;
        }

        Rounds = await Db.ReviewRounds.AsNoTracking().Where(r => r.SeasonId == season.Id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new Row(r, Db.Streams.Where(s => s.Id == r.StreamId).Select(s => s.Name).FirstOrDefault() ?? Db.ExtensionRounds.Where(x => x.Id == r.ExtensionRoundId).Select(x => x.Name).FirstOrDefault(), r.Rubric!.Name,
                r.Assignments.Count(a => a.State != AssignmentState.Declined)))
            .ToListAsync(cancellation);
        Rubrics = await Db.Rubrics.AsNoTracking().Where(r => r.SeasonId == season.Id).OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellation);
        Streams = await Db.Streams.AsNoTracking().OfSeason(season.Id).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellation);
        Streams.Insert(0, new SelectListItem("—", ""));
        ExtensionRounds = await Db.ExtensionRounds.AsNoTracking().OrderByDescending(r => r.ClosesAt)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellation);
        ExtensionRounds.Insert(0, new SelectListItem("—", ""));
    }
}
