using Cohort.Core.Api;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>GET /api/v1/reviews</c> (<c>reviews:read</c>): submitted reviews with their mark per criterion, paged by review
/// id, filtered by season, round, stage, stream or reviewer. Applicants appear by the subject's id only and comments go
/// through the blind redaction; reviewers, who are staff, appear by id and name (docs/decisions/exports.md).
/// </summary>
public static class ReviewsApi
{
    public sealed record MarkItem(int CriterionId, string Criterion, int Value);

    /// <param name="SubjectKind">"application" (the general application, stages 1 and 2) or "stream-application" (stage 3).</param>
    public sealed record ReviewItem(
        int Id, int SeasonId, int RoundId, string Round, string Stage, int? StreamId, string SubjectKind, int SubjectId, string ReviewerId, string Reviewer,
        IReadOnlyList<MarkItem> Scores, string Recommendation, double Overall, string Comment, DateTime SubmittedAt, DateTime UpdatedAt);

    public static void MapReviews(this RouteGroupBuilder api) =>
        api.MapGet("/reviews", async Task<Results<Ok<ApiPage<ReviewItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? cursor, int? limit, int? season, int? round, string? stage, int? stream, string? reviewer, CancellationToken cancellation) =>
            {
                if (ApiFilters.Stage(stage, out var kind) is { } problem)
                {
                    return problem;
                }

                var filter = new ReviewFilter(season, round, kind, stream, reviewer);
                return await ApiPaging.PageAsync<ReviewItem>(request, cursor, limit, async (after, take) =>
                        (await ReviewRows.BlindAsync(db, await ReviewRows.PageAsync(db, filter, after, take, cancellation), cancellation)).Select(Item).ToList(),
                    r => r.Id);
            })
        .RequireScope(ApiScopes.ReviewsRead)
        .WithName("ListReviews");

    private static ReviewItem Item(ReviewRow r) => new(
        r.Id, r.SeasonId, r.RoundId, r.Round, StageKinds.Name(r.Stage), r.StreamId, ReviewRows.SubjectKind(r.Stage), r.SubjectId,
        r.ReviewerId, r.Reviewer, r.Marks.Select(m => new MarkItem(m.CriterionId, m.Criterion, m.Value)).ToList(), r.Recommendation.ToString(), r.Overall, r.Comment,
        r.SubmittedAt, r.UpdatedAt);
}
