using System.Text.Json;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Match;

/// <summary>A stored stream-match run as the analytics read it: when and how it ran, its input and its result.</summary>
internal sealed record StoredRun(int Id, MatchAlgorithm Algorithm, DateTime CreatedAt, DateTime? PublishedAt, MatchInput Input, MatchResult Result);

/// <summary>
/// The runs of a season's stream match the match section reads, each read once: the run it describes (the latest
/// published, else the latest preview), the latest two (who moved between them) and the latest run optimal on scores
/// (the blocking pairs following the scores costs).
/// </summary>
internal sealed record SeasonMatchRuns(StoredRun? Shown, StoredRun? Latest, StoredRun? BeforeLatest, StoredRun? OnScores)
{
    public static async Task<SeasonMatchRuns> LoadAsync(CohortDbContext db, int seasonId, CancellationToken cancellation)
    {
        var heads = await db.MatchRuns.AsNoTracking().StreamMatches().Where(r => r.SeasonId == seasonId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Algorithm, r.PublishedAt }).ToListAsync(cancellation);
        var shown = (heads.FirstOrDefault(r => r.PublishedAt != null) ?? heads.FirstOrDefault())?.Id;
        var latest = heads.ElementAtOrDefault(0)?.Id;
        var beforeLatest = heads.ElementAtOrDefault(1)?.Id;
        var onScores = heads.FirstOrDefault(r => r.Algorithm == MatchAlgorithm.Scores)?.Id;
        // Only the chosen runs' JSON is read: a season may keep dozens of previews, each a few hundred kilobytes.
        var wanted = new[] { shown, latest, beforeLatest, onScores }.OfType<int>().Distinct().ToList();
        var runs = (await db.MatchRuns.AsNoTracking().Where(r => wanted.Contains(r.Id))
                .Select(r => new { r.Id, r.Algorithm, r.CreatedAt, r.PublishedAt, r.InputJson, r.ResultJson }).ToListAsync(cancellation))
            .ToDictionary(r => r.Id, r => new StoredRun(r.Id, r.Algorithm, r.CreatedAt, r.PublishedAt,
                JsonSerializer.Deserialize<MatchInput>(r.InputJson)!, JsonSerializer.Deserialize<MatchResult>(r.ResultJson)!));
        return new SeasonMatchRuns(Find(shown), Find(latest), Find(beforeLatest), Find(onScores));

        StoredRun? Find(int? id) => id is { } key ? runs[key] : null;
    }
}
