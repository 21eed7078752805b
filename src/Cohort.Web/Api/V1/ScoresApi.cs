using Cohort.Core.Api;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>GET /api/v1/scores</c> (<c>reviews:read</c>): one stage's calibrated scores (<c>stage</c>, general by default; at the
/// streams stage every stream's table, or <c>stream</c>'s), as the admin's score table computes them, paged by subject id.
/// Each row has its place, its calibrated score with standard error, each composite part and the composite. Applicants
/// appear by the subject's id only.
/// </summary>
public static class ScoresApi
{
    /// <param name="SubjectKind">"application" (stages 1 and 2) or "stream-application" (stage 3), as in the reviews.</param>
    /// <param name="Place">1 for the best table score of its table; null until the subject has one.</param>
    public sealed record ScoreItem(
        int Id, string SubjectKind, int ApplicationId, string Stage, int? StreamId, string Stream, string State, int? Place,
        double? RawMean, double? Calibrated, double? StandardError, int Reviews, double? Spread, bool Disagreement,
        IReadOnlyDictionary<string, double?> Parts, double? Composite, bool Incomplete);

    public static void MapScores(this RouteGroupBuilder api) =>
        api.MapGet("/scores", async Task<Results<Ok<ApiPage<ScoreItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db, Rankings rankings,
                string? cursor, int? limit, int? season, string? stage, int? stream, CancellationToken cancellation) =>
            {
                if (ApiFilters.Stage(stage, out var kind) is { } problem)
                {
                    return problem;
                }

                if (await ApiFilters.SeasonAsync(db, season, cancellation) is not { } seasonId)
                {
                    return ApiFilters.UnknownSeason();
                }

                var stageKind = kind ?? StageKind.General;
                return await ApiPaging.PageAsync<ScoreItem>(request, cursor, limit, async (after, take) =>
                        (await rankings.PageAsync(seasonId, stageKind, stream, after, take, cancellation)).Select(Item).ToList(),
                    r => r.Id);
            })
        .RequireScope(ApiScopes.ReviewsRead)
        .WithName("ListScores");

    private static ScoreItem Item(RankingRow r)
    {
        var (table, row, score) = (r.Table, r.Score.Row, r.Score.Score);
        return new(row.Id, ReviewRows.SubjectKind(table.View.Stage), row.GeneralApplicationId,
            StageKinds.Name(table.View.Stage), r.StreamId, row.Stream, row.State.ToString(), r.Place,
            score?.RawMean, score?.Calibrated, score?.StandardError, score?.ReviewCount ?? 0, score?.Spread, score?.Disagreement == true,
            table.Parts.ToDictionary(p => p.Name, p => r.Score.Parts.GetValueOrDefault(p.Key)), r.Score.Composite.Value, r.Score.Composite.Incomplete);
    }
}
