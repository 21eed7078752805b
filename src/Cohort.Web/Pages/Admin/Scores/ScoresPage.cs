using System.Globalization;

namespace Cohort.Web.Pages.Admin.Scores;

/// <summary>Base of the score table pages: the stage as the address names it and, at stage 3, the stream.</summary>
public abstract class ScoresPage(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    /// <summary>"general", "assessments" or "streams".</summary>
    [BindProperty(SupportsGet = true)]
    public string Stage { get; set; } = "";

    /// <summary>Stage 3 only: the stream whose applications are listed; none lists every stream's together.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Stream { get; set; }

    public StageKind? Kind => StageKinds.FromSlug(Stage);

    public int? StreamFilter => Kind == StageKind.Streams ? Stream : null;

    public string StagePath => $"/admin/scores/{StageKinds.Slug(Kind!.Value)}";

    public static string StageName(StageKind stage) => stage switch
    {
        StageKind.General => "1. General application",
        StageKind.Assessment => "2. Assessments",
        _ => "3. Stream applications",
    };

    /// <summary><paramref name="path"/> with the stream and <paramref name="more"/> as its query; empty values are left out.</summary>
    protected static string WithQuery(string path, IEnumerable<KeyValuePair<string, string?>> more) =>
        path + QueryString.Create(more.Where(p => !string.IsNullOrEmpty(p.Value)));

    protected KeyValuePair<string, string?> StreamPair => new("stream", StreamFilter?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The current season's streams, for the stage 3 selector.</summary>
    public async Task<List<ResearchStream>> StreamsAsync(CancellationToken cancellation) =>
        await Db.Seasons.CurrentAsync(cancellation) is { } season ? await Db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation) : [];
}
