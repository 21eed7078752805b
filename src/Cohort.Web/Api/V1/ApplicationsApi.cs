using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.StreamApplications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The applicants' records of a season, the admin's view (scope applications:read), each list paged by
/// <see cref="ApiPaging"/> over the same Core query its export reads: <c>GET /api/v1/applications</c> (with every
/// answer), <c>/attempts</c> (with item scores) and <c>/stream-applications</c> (with follow-ups).
/// </summary>
public static class ApplicationsApi
{
    public static void MapApplications(this RouteGroupBuilder api)
    {
        api.MapGet("/applications", async Task<Results<Ok<ApiPage<ApplicationWithAnswers>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? state, DateTime? updatedSince, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, seasonProblem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                var (chosenState, stateProblem) = ApiSeason.Parse<ApplicationState>("state", state);
                if ((seasonProblem ?? stateProblem) is { } problem)
                {
                    return problem;
                }

                var filter = new ApplicationFilter(seasonId, chosenState, updatedSince?.ToUniversalTime());
                return await ApiPaging.PageAsync(request, cursor, limit, after => ApplicationsWithAnswers.After(db, filter, after), a => a.Id, cancellation);
            })
            .RequireScope(ApiScopes.ApplicationsRead)
            .WithName("ListApplications")
            .WithSummary("General applications with every answer; filters season (slug, default the current one), state, updatedSince");

        api.MapGet("/attempts", async Task<Results<Ok<ApiPage<AttemptWithScores>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? assessment, bool? closed, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                if (problem is not null)
                {
                    return problem;
                }

                var filter = new AttemptFilter(seasonId, string.IsNullOrWhiteSpace(assessment) ? null : assessment.Trim(), closed);
                return await ApiPaging.PageAsync(request, cursor, limit, after => AttemptsWithScores.After(db, filter, after), a => a.Id, cancellation);
            })
            .RequireScope(ApiScopes.ApplicationsRead)
            .WithName("ListAttempts")
            .WithSummary("Assessment attempts with item scores; filters season, assessment (slug), closed");

        api.MapGet("/stream-applications", async Task<Results<Ok<ApiPage<StreamApplicationWithFollowUps>>, ValidationProblem>> (
                HttpRequest request, CohortDbContext db, string? season, string? stream, string? state, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, seasonProblem) = await ApiSeason.ResolveAsync(db, season, cancellation);
                var (chosenState, stateProblem) = ApiSeason.Parse<ApplicationState>("state", state);
                if ((seasonProblem ?? stateProblem) is { } problem)
                {
                    return problem;
                }

                var filter = new StreamApplicationFilter(seasonId, string.IsNullOrWhiteSpace(stream) ? null : stream.Trim(), chosenState);
                return await ApiPaging.PageAsync(request, cursor, limit, after => StreamApplicationsWithFollowUps.After(db, filter, after), s => s.Id, cancellation);
            })
            .RequireScope(ApiScopes.ApplicationsRead)
            .WithName("ListStreamApplications")
            .WithSummary("Stream applications with their stream, state and follow-ups; filters season, stream (slug), state");
    }
}
