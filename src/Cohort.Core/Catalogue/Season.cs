namespace Cohort.Core.Catalogue;

/// <summary>One run of the programme: its tracks, streams, key dates, FAQ and eligibility rules.</summary>
public class Season : CatalogueRecord
{
    public string Tagline { get; set; } = "";
    public string SummaryMarkdown { get; set; } = "";
    public DateOnly ProgrammeStart { get; set; }
    public DateOnly ProgrammeEnd { get; set; }
    public int MinimumAge { get; set; } = 18;
    public string EligibilityMarkdown { get; set; } = "";
    /// <summary>The season the public pages show. Exactly one season is current at a time.</summary>
    public bool IsCurrent { get; set; }

    public List<Track> Tracks { get; } = [];
    public List<Mentor> Mentors { get; } = [];
    public List<KeyDate> KeyDates { get; } = [];
    public List<FaqEntry> Faq { get; } = [];
}
