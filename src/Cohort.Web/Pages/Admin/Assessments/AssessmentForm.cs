using System.ComponentModel.DataAnnotations;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Creates a stage 2 assessment for a track (/admin/assessments/new) or edits any assessment (/admin/assessments/{id}/edit).
/// A stream's mentors use the same form, narrowed to their stream (see <c>Mentor.Assessments.StreamAssessmentFormModel</c>).
/// </summary>
public class AssessmentFormModel(CohortDbContext db, AuditLog audit) : RecordForm<Assessment, AssessmentFormModel.AssessmentInput>(db, audit)
{
    public sealed class AssessmentInput : RecordInput
    {
        /// <summary>Chosen by admins only: a mentor's assessment belongs to their stream's track.</summary>
        public string? Track { get; set; }

        [Required, StringLength(80), Slug]
        public string Slug { get; set; } = "";

        [Required, StringLength(200)]
        public string Title { get; set; } = "";

        [Display(Name = "Instructions")]
        public string? InstructionsMarkdown { get; set; }

        [Range(0, 1440, ErrorMessage = "The time limit is a whole number of minutes from 0 (none) to 1440."), Display(Name = "Time limit (minutes)")]
        public int TimeLimitMinutes { get; set; }

        [Required, Display(Name = "Opens (UTC)")]
        public DateTime? OpensAt { get; set; }

        [Required, Display(Name = "Closes (UTC)"), NotBefore(nameof(OpensAt), Strictly = true)]
        public DateTime? ClosesAt { get; set; }
    }

    public List<SelectListItem> Tracks { get; private set; } = [];

    public List<AssessmentItem> Items { get; private set; } = [];

    public int? AssessmentId => Record?.Id;

    public virtual EditorLinks Links => EditorLinks.Admin;

    /// <summary>Whether the form offers the track: admins place an assessment in a track; a stream's assessment stays in the stream's.</summary>
    public virtual bool ChoosesTrack => true;

    protected override string Kind => "assessment";

    protected override string ListPage => "/Admin/Assessments/Index";

    /// <summary>The assessments this page may edit: for admins, every one of the season.</summary>
    protected virtual IQueryable<Assessment> Editable => Db.Assessments.Where(a => a.Track!.SeasonId == Season.Id);

    protected override Task<Assessment?> FindAsync(string key, CancellationToken cancellation) =>
        Editable.Include(a => a.Track).Include(a => a.Items).SingleOrDefaultAsync(a => a.Id == int.Parse(key), cancellation);

    protected override AssessmentInput Read(Assessment assessment) => new()
    {
        Version = assessment.Version,
        Track = assessment.Track!.Slug,
        Slug = assessment.Slug,
        Title = assessment.Title,
        InstructionsMarkdown = assessment.InstructionsMarkdown,
        TimeLimitMinutes = assessment.TimeLimitMinutes,
        OpensAt = assessment.OpensAt,
        ClosesAt = assessment.ClosesAt,
    };

    protected override Assessment Add()
    {
        var assessment = new Assessment { Slug = Input.Slug, Title = Input.Title };
        Db.Assessments.Add(assessment);
        return assessment;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        // The public address is /assessments/{slug}, without the track, so a slug is unique in the whole season.
        if (await Db.Assessments.AnyAsync(a => a.Track!.SeasonId == Season.Id && a.Slug == Input.Slug && a != Record, cancellation))
        {
            ModelState.AddModelError("Input.Slug", $"Another assessment of this season already uses the slug '{Input.Slug}'.");
        }

        if (ChoosesTrack)
        {
            await CheckTrackAsync(cancellation);
        }
    }

    private async Task CheckTrackAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(Input.Track))
        {
            ModelState.AddModelError("Input.Track", "Choose the assessment's track.");
        }
        else if (!await Db.Tracks.AnyAsync(t => t.SeasonId == Season.Id && t.Slug == Input.Track, cancellation))
        {
            ModelState.AddModelError("Input.Track", "Choose one of this season's tracks.");
        }
        else if (Record?.StreamId is not null && Input.Track != Record.Track!.Slug)
        {
            ModelState.AddModelError("Input.Track", "This is a stream's follow-up assessment: it stays in the stream's track.");
        }
    }

    /// <summary>Places a new or edited assessment: in the track the admin chose.</summary>
    protected virtual async Task PlaceAsync(Assessment assessment, CancellationToken cancellation) =>
        assessment.Track = await Db.Tracks.SingleAsync(t => t.SeasonId == Season.Id && t.Slug == Input.Track, cancellation);

    protected override async Task ApplyAsync(Assessment assessment, CancellationToken cancellation)
    {
        await PlaceAsync(assessment, cancellation);
        assessment.Slug = Input.Slug;
        assessment.Title = Input.Title;
        assessment.InstructionsMarkdown = Input.InstructionsMarkdown ?? "";
        assessment.TimeLimitMinutes = Input.TimeLimitMinutes;
        assessment.OpensAt = DateTime.SpecifyKind(Input.OpensAt!.Value, DateTimeKind.Utc);
        assessment.ClosesAt = DateTime.SpecifyKind(Input.ClosesAt!.Value, DateTimeKind.Utc);
    }

    protected override string Name(Assessment assessment) => assessment.Slug;

    protected override async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Tracks = ChoosesTrack
            ? await Db.Tracks.Where(t => t.SeasonId == Season.Id).OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Slug)).ToListAsync(cancellation)
            : [];
        Items = Record?.Items.OrderBy(i => i.Position).ToList() ?? [];
    }
}
