using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Pipeline;

namespace Cohort.Web.Pages.Admin.Pipeline;

/// <summary>
/// Base of the pages that act on a stage's rows as the pipeline filters select them (the table, a mailing). The
/// selection is in the query string, so a filtered list is a link and works without JavaScript.
/// </summary>
public abstract class SelectionPage(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    public const string Eligible = "eligible";
    public const string NotEligible = "not-eligible";

    /// <summary>The stage as the address names it: "general", "assessments" or "streams".</summary>
    [BindProperty(SupportsGet = true)]
    public string Stage { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Eligibility { get; set; }

    /// <summary>Stage 3 only: the stream whose applications are selected.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Stream { get; set; }

    /// <summary>Stage 2 only: the lowest assessment score selected.</summary>
    [BindProperty(SupportsGet = true)]
    public double? MinScore { get; set; }

    public StageKind? Kind => StageKinds.FromSlug(Stage);

    public PipelineFilter Filter => new(State, Eligibility switch
    {
        Eligible => true,
        NotEligible => false,
        _ => null,
    }, Kind == StageKind.Streams ? Stream : null, Kind == StageKind.Assessment ? MinScore : null);

    /// <summary>The selection as query values, to carry it from the table to a mailing and back.</summary>
    public Dictionary<string, string?> SelectionRoute => new()
    {
        ["stage"] = Stage.ToLowerInvariant(),
        ["state"] = State?.ToString(),
        ["eligibility"] = Eligibility,
        ["stream"] = Filter.StreamId?.ToString(CultureInfo.InvariantCulture),
        ["minScore"] = Filter.MinScore?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The states a stage's rows can be in: stage 2 has no drafts or withdrawals of its own.</summary>
    public IEnumerable<ApplicationState> States => Kind == StageKind.Assessment
        ? [ApplicationState.Submitted, ApplicationState.Advanced, ApplicationState.Waitlisted, ApplicationState.Rejected]
        : Enum.GetValues<ApplicationState>().Where(s => Kind != StageKind.Streams || s != ApplicationState.Draft);

    public string StateName(ApplicationState state) => PipelineStates.Name(Kind ?? StageKind.General, state);

    /// <summary>The current season's streams, for the stage 3 filter.</summary>
    public async Task<List<ResearchStream>> StreamsAsync(CancellationToken cancellation) =>
        await Db.Seasons.CurrentAsync(cancellation) is { } season ? await Db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation) : [];
}
