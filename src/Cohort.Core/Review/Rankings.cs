using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// One subject of a stage's score table with its place: 1 for the best table score (<see cref="ScoreOrder"/>), null when
/// it has none yet. <see cref="Table"/> gives the parts and whether the stage has a composite.
/// </summary>
public sealed record RankingRow(ScoreTable Table, int? StreamId, int? Place, ScoreTableRow Score)
{
    public int Id => Score.Row.Id;
}

/// <summary>
/// The calibrated rankings of a season: the score table of each selection stage, and at the streams stage one per
/// stream, each computed by <see cref="FindScoreTable"/> (the admin's score page's own computation) with its default
/// rounds. The API reads one stage's rows a page at a time by subject id, the rankings export all stages.
/// </summary>
public sealed class Rankings(CohortDbContext db, FindScoreTable find)
{
    /// <summary>The tables of <paramref name="stage"/> (every selection stage when null) in season <paramref name="seasonId"/>, each in place order.</summary>
    /// <param name="streamId">At the streams stage, that stream's table only; other stages ignore it.</param>
    public async Task<IReadOnlyList<RankingRow>> TablesAsync(int seasonId, StageKind? stage, int? streamId, CancellationToken cancellation)
    {
        var rows = new List<RankingRow>();
        foreach (var kind in stage is { } one ? [one] : StageKinds.Selection)
        {
            IReadOnlyList<int?> streams = kind == StageKind.Streams
                ? await db.Streams.AsNoTracking().Where(s => s.Track!.SeasonId == seasonId && (streamId == null || s.Id == streamId))
                    .OrderBy(s => s.Id).Select(s => (int?)s.Id).ToListAsync(cancellation)
                : [null];
            foreach (var stream in streams)
            {
                if (await find.RunAsync(seasonId, kind, stream, null, cancellation) is not { } table)
                {
                    continue;
                }

                var ordered = ScoreOrder.Sort(table, ScoreSort.Score, descending: true);
                rows.AddRange(ordered.Select((r, i) => new RankingRow(table, stream, r.TableScore(table.HasComposite) is null ? null : i + 1, r)));
            }
        }

        return rows;
    }

    /// <summary>Up to <paramref name="take"/> rows of one stage's tables whose subject id is above <paramref name="afterId"/>, in id order.</summary>
    public async Task<IReadOnlyList<RankingRow>> PageAsync(int seasonId, StageKind stage, int? streamId, int afterId, int take, CancellationToken cancellation) =>
        (await TablesAsync(seasonId, stage, streamId, cancellation)).Where(r => r.Id > afterId).OrderBy(r => r.Id).Take(take).ToList();
}
