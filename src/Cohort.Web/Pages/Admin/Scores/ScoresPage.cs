using System.Globalization;
using Cohort.Core.Pipeline;

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

    public PipelineStage? Kind => Enum.TryParse<PipelineStage>(Stage, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public int? StreamFilter => Kind == PipelineStage.Streams ? Stream : null;

    public string StagePath => $"/admin/scores/{Kind.ToString()!.ToLowerInvariant()}";

    public static string StageName(PipelineStage stage) => stage switch
    {
        PipelineStage.General => "1. General application",
        PipelineStage.Assessments => "2. Assessments",
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
