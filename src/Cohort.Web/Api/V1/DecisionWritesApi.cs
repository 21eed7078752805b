using Cohort.Core.Catalogue;
using Cohort.Core.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>POST /api/v1/decisions</c>: advances, waitlists or rejects applications of one stage in bulk, through the use
/// case the pipeline page uses (<see cref="DecideApplications"/>), so the same rows may be decided, the same rows are
/// skipped, and each decided row has its audit entry, under the token's name.
/// </summary>
public static class DecisionWritesApi
{
    /// <param name="Stage">"general", "assessments" or "streams", as the pipeline's addresses name the stages.</param>
    /// <param name="Decision">"advance", "waitlist" or "reject".</param>
    /// <param name="ApplicationIds">The rows to decide: application ids, or stream-application ids at the streams stage.</param>
    public sealed record DecisionRequest(string Stage, string Decision, IReadOnlyList<int> ApplicationIds);

    /// <param name="Decided">Rows whose state changed.</param>
    /// <param name="Skipped">Ids not decided: unknown, drafts, withdrawn, or already in the target state.</param>
    public sealed record DecisionResult(string Stage, string Decision, int Decided, int Skipped);

    public static void MapDecisionWrites(this RouteGroupBuilder api) =>
        api.MapPost("/decisions", DecideAsync)
            .AcceptsJson<DecisionRequest>()
            .RequireScope(Cohort.Core.Api.ApiScopes.DecisionsWrite)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DecideApplications")
            .WithTags("Decisions");

    private static async Task<Results<Ok<DecisionResult>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        HttpContext http, DecideApplications decide, CancellationToken cancellation)
    {
        var (request, problem) = await ApiBody.ReadAsync<DecisionRequest>(http.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var stage = StageKinds.FromSlug(request!.Stage);
        var decision = Enum.TryParse<Decision>(request.Decision, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Decision?)null;
        var errors = new List<(string, string)>();
        if (stage is null)
        {
            errors.Add(("stage", $"'{request.Stage}' is not one of: {string.Join(", ", StageKinds.Selection.Select(StageKinds.Slug))}."));
        }

        if (decision is null)
        {
            errors.Add(("decision", $"'{request.Decision}' is not one of: {string.Join(", ", Enum.GetNames<Decision>().Select(n => n.ToLowerInvariant()))}."));
        }

        if (errors.Count > 0)
        {
            return ApiBody.Invalid(errors);
        }

        var outcome = await decide.RunAsync(http.User.AsApiActor(), stage!.Value, request.ApplicationIds, decision!.Value, cancellation);
        return outcome switch
        {
            { Refusal: { } refusal, LostRace: true } => TypedResults.Problem(title: "Nothing was decided.", detail: refusal, statusCode: StatusCodes.Status409Conflict),
            { Refusal: { } refusal } => ApiBody.Invalid("applicationIds", refusal),
            _ => TypedResults.Ok(new DecisionResult(StageKinds.Slug(stage.Value), decision.Value.ToString().ToLowerInvariant(), outcome.Decided, outcome.Skipped)),
        };
    }
}
