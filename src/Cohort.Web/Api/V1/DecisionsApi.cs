using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>GET /api/v1/decisions</c> (<c>applications:read</c>): one stage's records (<c>stage</c>, general by default) with
/// their state and every change of it (who, when, from, to, the mailing that told the applicant), paged by record id,
/// filtered by season, state and stream. Reads of decisions need <c>applications:read</c>: <c>decisions:write</c> is for
/// writes only, and the history names the people who acted (docs/decisions/exports.md).
/// </summary>
public static class DecisionsApi
{
    public sealed record ChangeItem(DateTime At, string By, string? From, string To, string? Mail);

    /// <param name="Id">The record decisions act on: the general application at stages 1 and 2, the stream application at stage 3.</param>
    public sealed record DecisionItem(int Id, string Stage, int ApplicationId, int? StreamId, string Stream, string State, DateTime UpdatedAt, IReadOnlyList<ChangeItem> History);

    public static void MapDecisions(this RouteGroupBuilder api) =>
        api.MapGet("/decisions", async Task<Results<Ok<ApiPage<DecisionItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? cursor, int? limit, int? season, string? stage, string? state, int? stream, CancellationToken cancellation) =>
            {
                if (ApiFilters.Stage(stage, out var kind) is { } badStage)
                {
                    return badStage;
                }

                if (ApiFilters.Named<ApplicationState>("state", state, out var chosen) is { } badState)
                {
                    return badState;
                }

                if (await ApiFilters.SeasonAsync(db, season, cancellation) is not { } seasonId)
                {
                    return ApiFilters.UnknownSeason();
                }

                var filter = new DecisionFilter(seasonId, kind ?? StageKind.General, chosen, stream);
                return await ApiPaging.PageAsync<DecisionItem>(request, cursor, limit, async (after, take) =>
                        (await DecisionRows.PageAsync(db, filter, after, take, cancellation)).Select(Item).ToList(),
                    d => d.Id);
            })
        .RequireScope(ApiScopes.ApplicationsRead)
        .WithName("ListDecisions");

    private static DecisionItem Item(DecisionRow r) => new(r.Id, StageKinds.Name(r.Stage), r.ApplicationId, r.StreamId, r.Stream, r.State.ToString(), r.UpdatedAt,
        r.History.Select(c => new ChangeItem(c.At, c.Actor, c.From, c.To.ToString(), c.Mail)).ToList());
}
