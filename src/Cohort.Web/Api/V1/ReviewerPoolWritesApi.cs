using Cohort.Core.Api;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>POST /api/v1/reviewers/conflicts</c>: declares conflicts between reviewers of the current season's pool and
/// applicants, all or nothing, through the use case of the admin's conflicts page (<see cref="DeclareConflicts"/>).
/// </summary>
public static class ReviewerPoolWritesApi
{
    /// <param name="Reviewer">The reviewer's account email; they must be in the current season's pool.</param>
    /// <param name="Applicant">The applicant's account email.</param>
    public sealed record ConflictItem(string Reviewer, string Applicant, string Reason = "");

    public sealed record ConflictsRequest(IReadOnlyList<ConflictItem> Items);

    /// <param name="Declared">Conflicts added.</param>
    /// <param name="Unchanged">Conflicts that were declared already.</param>
    public sealed record ConflictsResult(int Declared, int Unchanged);

    public static void MapReviewerPoolWrites(this RouteGroupBuilder api) =>
        api.MapPost("/reviewers/conflicts", DeclareAsync)
            .AcceptsJson<ConflictsRequest>()
            .RequireScope(ApiScopes.PeopleWrite)
            .WithName("DeclareConflicts")
            .WithTags("Reviewer pool");

    private static async Task<Results<Ok<ConflictsResult>, ValidationProblem>> DeclareAsync(
        HttpContext http, CohortDbContext db, DeclareConflicts declare, CancellationToken cancellation)
    {
        var (request, problem) = await ApiBody.ReadAsync<ConflictsRequest>(http.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.Items.Count == 0)
        {
            return ApiBody.Invalid("items", "name at least one conflict.");
        }

        if (await db.Seasons.AsNoTracking().CurrentAsync(cancellation) is not { } season)
        {
            return ApiBody.Invalid("$", "There is no current season, so there is no reviewer pool.");
        }

        var outcome = await declare.RunAsync(http.User.AsApiActor(), season.Id,
            request.Items.Select(i => new ConflictDeclaration(i.Reviewer, i.Applicant, i.Reason)).ToList(), cancellation);
        return outcome.Problems.Count > 0
            ? ApiBody.Invalid(outcome.Problems.Select(p => ($"items[{p.Index}].{p.Field}", p.Message)))
            : TypedResults.Ok(new ConflictsResult(outcome.Declared, outcome.Unchanged));
    }
}
