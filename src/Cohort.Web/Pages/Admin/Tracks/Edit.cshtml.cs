using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Tracks;

/// <summary>
/// Edits a track and its stages in one form, guarded by the track's version, so two people editing
/// the stages at once cannot overwrite each other.
/// </summary>
public sealed class EditModel(CohortDbContext db, AuditLog audit) : RecordForm<Track, EditModel.TrackInput>(db, audit)
{
    public sealed class TrackInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [Display(Name = "Summary")]
        public string? SummaryMarkdown { get; set; }

        [Display(Name = "Methods")]
        public string? MethodsMarkdown { get; set; }

        [Display(Name = "Audience")]
        public string? AudienceMarkdown { get; set; }

        public List<StageInput> Stages { get; set; } = [];

        public NewStageInput NewStage { get; set; } = new();
    }

    public class StageInput
    {
        public int Id { get; set; }

        public StageKind Kind { get; set; }

        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [Display(Name = "Description")]
        public string? DescriptionMarkdown { get; set; }

        [Required, Display(Name = "Opens (UTC)")]
        public DateTime? OpensAt { get; set; }

        [Required, Display(Name = "Closes (UTC)"), NotBefore(nameof(OpensAt), Strictly = true)]
        public DateTime? ClosesAt { get; set; }
    }

    /// <summary>The form's empty row for adding a stage: ignored while empty, checked like any stage once filled in.</summary>
    public sealed class NewStageInput : IValidatableObject
    {
        [StringLength(200), Display(Name = "Name")]
        public string? Name { get; set; }

        /// <summary>A stage added after the others is most often a later phase for fellows.</summary>
        public StageKind Kind { get; set; } = StageKind.Extension;

        [Display(Name = "Description")]
        public string? DescriptionMarkdown { get; set; }

        [Display(Name = "Opens (UTC)")]
        public DateTime? OpensAt { get; set; }

        [Display(Name = "Closes (UTC)"), NotBefore(nameof(OpensAt), Strictly = true)]
        public DateTime? ClosesAt { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(DescriptionMarkdown) && OpensAt is null && ClosesAt is null;

        public IEnumerable<ValidationResult> Validate(ValidationContext context)
        {
            if (IsEmpty)
            {
                yield break;
            }

            if (string.IsNullOrWhiteSpace(Name))
            {
                yield return new ValidationResult("Give the new stage a name, or clear its other fields.", [nameof(Name)]);
            }

            if (OpensAt is null)
            {
                yield return new ValidationResult("Say when the new stage opens.", [nameof(OpensAt)]);
            }

            if (ClosesAt is null)
            {
                yield return new ValidationResult("Say when the new stage closes.", [nameof(ClosesAt)]);
            }
        }
    }

    /// <summary>Every kind, named as the catalogue file names it.</summary>
    public IEnumerable<SelectListItem> Kinds { get; } = Enum.GetValues<StageKind>().Select(k => new SelectListItem(StageKinds.Name(k), k.ToString())).ToList();

    protected override string Kind => "track";

    protected override string ListPage => "/Admin/Index";

    protected override Task<Track?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Tracks.Include(t => t.Stages).Include(t => t.Streams).SingleOrDefaultAsync(t => t.SeasonId == Season.Id && t.Slug == key, cancellation);

    protected override TrackInput Read(Track track) => new()
    {
        Version = track.Version,
        Name = track.Name,
        SummaryMarkdown = track.SummaryMarkdown,
        MethodsMarkdown = track.MethodsMarkdown,
        AudienceMarkdown = track.AudienceMarkdown,
        Stages = track.Stages.OrderBy(s => s.Position).Select(s => new StageInput
        {
            Id = s.Id,
            Kind = s.Kind,
            Name = s.Name,
            DescriptionMarkdown = s.DescriptionMarkdown,
            OpensAt = s.OpensAt,
            ClosesAt = s.ClosesAt,
        }).ToList(),
    };

    protected override Track Add() => throw new InvalidOperationException("Tracks are created by importing a catalogue.");

    protected override Task CheckAsync(CancellationToken cancellation)
    {
        var known = Record!.Stages.Select(s => s.Id).ToHashSet();
        if (Input.Stages.Any(s => !known.Contains(s.Id)))
        {
            ModelState.AddModelError("", "A stage of this form no longer exists; reload the page.");
        }

        var kinds = Input.Stages.Select(s => s.Kind).Concat(Input.NewStage.IsEmpty ? [] : [Input.NewStage.Kind]).ToList();
        foreach (var repeated in kinds.Where(k => k != StageKind.Extension).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            ModelState.AddModelError("", $"A track has at most one {StageKinds.Name(repeated.Key)} stage.");
        }

        if (Record.Streams.Count > 0 && kinds.Count > 0 && !kinds.Contains(StageKind.Streams))
        {
            ModelState.AddModelError("", "This track has streams, so it needs a stage of kind streams.");
        }

        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(Track track, CancellationToken cancellation)
    {
        track.Name = Input.Name;
        track.SummaryMarkdown = Input.SummaryMarkdown ?? "";
        track.MethodsMarkdown = Input.MethodsMarkdown ?? "";
        track.AudienceMarkdown = Input.AudienceMarkdown ?? "";
        foreach (var input in Input.Stages)
        {
            var stage = track.Stages.Single(s => s.Id == input.Id);
            stage.Kind = input.Kind;
            stage.Name = input.Name;
            stage.DescriptionMarkdown = input.DescriptionMarkdown ?? "";
            stage.OpensAt = Utc(input.OpensAt!.Value);
            stage.ClosesAt = Utc(input.ClosesAt!.Value);
        }

        if (!Input.NewStage.IsEmpty)
        {
            track.Stages.Add(new Stage
            {
                Kind = Input.NewStage.Kind,
                Position = track.Stages.Count == 0 ? 0 : track.Stages.Max(s => s.Position) + 1,
                Name = Input.NewStage.Name!,
                DescriptionMarkdown = Input.NewStage.DescriptionMarkdown ?? "",
                OpensAt = Utc(Input.NewStage.OpensAt!.Value),
                ClosesAt = Utc(Input.NewStage.ClosesAt!.Value),
            });
        }

        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ChangedBeyondFields(Track track)
    {
        Db.ChangeTracker.DetectChanges();
        return track.Stages
            .Select(s => (Stage: s, State: Db.Entry(s).State))
            .Where(s => s.State is EntityState.Added or EntityState.Modified)
            .Select(s => $"{(s.State == EntityState.Added ? "added" : "changed")} stage '{s.Stage.Name}'")
            .ToList();
    }

    protected override string Name(Track track) => track.Slug;

    // Form values carry no time zone; every time on these pages is UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
