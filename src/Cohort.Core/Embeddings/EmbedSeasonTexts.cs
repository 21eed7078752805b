using Cohort.Core.Data;
using Cohort.Core.Jobs;

namespace Cohort.Core.Embeddings;

/// <summary>How much of the current season's texts is embedded, for a progress display: units with a vector, of all units.</summary>
public sealed record EmbeddingProgress(int Embedded, int Total)
{
    public bool Done => Embedded == Total;
}

/// <summary>
/// The background job that embeds the current season's texts (<see cref="SeasonTexts"/>) ahead of use, at most
/// <see cref="MostPerRun"/> sentences a run, so that one run stays well inside its lease however large the season;
/// the next run goes on where it stopped. A run with nothing missing does not load the model.
/// </summary>
public sealed class EmbedSeasonTexts(CohortDbContext db, EmbeddingCache cache) : IJob
{
    public const string Name = "season-embeddings";

    /// <summary>About 5 to 15 s of the model's time on this machine kind (docs/performance.md, "Affinity").</summary>
    public const int MostPerRun = 500;

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var units = await SeasonTexts.UnitsAsync(db, cancellation);
        var missing = await cache.MissingAsync(units, cancellation);
        var batch = missing.Take(MostPerRun).ToList();
        if (batch.Count > 0)
        {
            await cache.GetOrComputeAsync(batch, cancellation);
        }

        return new(batch.Count, $"{batch.Count} sentence(s) embedded; {units.Count - missing.Count + batch.Count} of {units.Count} of the season's embedded");
    }

    /// <summary>How far the current season's texts are embedded.</summary>
    public async Task<EmbeddingProgress> ProgressAsync(CancellationToken cancellation)
    {
        var units = await SeasonTexts.UnitsAsync(db, cancellation);
        var missing = await cache.MissingAsync(units, cancellation);
        return new(units.Count - missing.Count, units.Count);
    }
}
