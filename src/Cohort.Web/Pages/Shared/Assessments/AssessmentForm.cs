using System.ComponentModel.DataAnnotations;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Shared.Assessments;

/// <summary>
/// The assessment editor: creates or edits an assessment, for admins (<c>Admin.Assessments.AssessmentFormModel</c>:
/// any assessment, in the track they choose) and for a stream's mentors (<c>Mentor.Assessments.StreamAssessmentFormModel</c>:
/// their stream's, in its track). Each page says which assessments it may edit and where one goes.
/// </summary>
public abstract class AssessmentForm(CohortDbContext db, AuditLog audit) : RecordForm<Assessment, AssessmentForm.AssessmentInput>(db, audit)
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

    /// <summary>The tracks the form offers, where <see cref="ChoosesTrack"/>.</summary>
    public List<SelectListItem> Tracks { get; protected set; } = [];

    public List<AssessmentItem> Items { get; private set; } = [];

    public int? AssessmentId => Record?.Id;

    public EditorLinks Links => Scope.Links;

    /// <summary>Whether the form offers the track: admins place an assessment in a track; a stream's assessment stays in the stream's.</summary>
    public virtual bool ChoosesTrack => false;

    protected override string Kind => "assessment";

    /// <summary>Which assessments the page may edit, and where it leads.</summary>
    protected abstract EditorScope Scope { get; }

    protected override string ListPage => Scope.ListPage;

    protected override object? ListRoute => Scope.ListRoute;

    private IQueryable<Assessment> Editable => Scope.Editable(Db, Season);

    protected override Task<bool> FindScopeAsync(CancellationToken cancellation) => Scope.FindAsync(Db, this, cancellation);

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
        var inUse = await Db.Assessments.AnyAsync(a => a.Track!.SeasonId == Season.Id && a.Slug == Input.Slug && a != Record, cancellation);
        if (CatalogueRules.SlugProblem("assessment", Input.Slug, inUse) is { } problem)
        {
            ModelState.AddModelError("Input.Slug", problem);
        }
    }

    /// <summary>Places a new or edited assessment in its track (and stream, if any).</summary>
    protected abstract Task PlaceAsync(Assessment assessment, CancellationToken cancellation);

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

    protected override Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Items = Record?.Items.OrderBy(i => i.Position).ToList() ?? [];
        return Task.CompletedTask;
    }
}
