using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Admin;

/// <summary>Edits the current season: what the home and eligibility pages say.</summary>
public sealed class SeasonModel(CohortDbContext db, AuditLog audit) : RecordForm<Season, SeasonModel.SeasonInput>(db, audit)
{
    public sealed class SeasonInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [StringLength(300)]
        public string? Tagline { get; set; }

        [Display(Name = "Summary")]
        public string? SummaryMarkdown { get; set; }

        [Required, DataType(DataType.Date), Display(Name = "Programme start")]
        public DateOnly? ProgrammeStart { get; set; }

        [Required, DataType(DataType.Date), Display(Name = "Programme end"), NotBefore(nameof(ProgrammeStart))]
        public DateOnly? ProgrammeEnd { get; set; }

        [Range(0, 120, ErrorMessage = "Minimum age must be a whole number from 0 to 120."), Display(Name = "Minimum age")]
        public int MinimumAge { get; set; }

        [Display(Name = "Eligibility")]
        public string? EligibilityMarkdown { get; set; }
    }

    protected override bool EditsWithoutKey => true;

    protected override string Kind => "season";

    protected override string ListPage => "/Admin/Season";

    protected override Task<Season?> FindAsync(string key, CancellationToken cancellation) => Task.FromResult<Season?>(Season);

    protected override SeasonInput Read(Season season) => new()
    {
        Version = season.Version,
        Name = season.Name,
        Tagline = season.Tagline,
        SummaryMarkdown = season.SummaryMarkdown,
        ProgrammeStart = season.ProgrammeStart,
        ProgrammeEnd = season.ProgrammeEnd,
        MinimumAge = season.MinimumAge,
        EligibilityMarkdown = season.EligibilityMarkdown,
    };

    protected override Season Add() => throw new InvalidOperationException("Seasons are created by importing a catalogue.");

    protected override Task ApplyAsync(Season season, CancellationToken cancellation)
    {
        season.Name = Input.Name;
        season.Tagline = Input.Tagline ?? "";
        season.SummaryMarkdown = Input.SummaryMarkdown ?? "";
        season.ProgrammeStart = Input.ProgrammeStart!.Value;
        season.ProgrammeEnd = Input.ProgrammeEnd!.Value;
        season.MinimumAge = Input.MinimumAge;
        season.EligibilityMarkdown = Input.EligibilityMarkdown ?? "";
        return Task.CompletedTask;
    }

    protected override string Name(Season season) => season.Slug;
}
