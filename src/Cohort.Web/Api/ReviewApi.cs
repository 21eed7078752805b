using Cohort.Core.Accounts;
using Cohort.Core.Review;
using Cohort.Web.Accounts;

namespace Cohort.Web.Api;

/// <summary>
/// Reviewing over HTTP: the reviewer's assignments as JSON, with the same blind content the pages show, and the CV of
/// an assignment under a neutral file name, unless the season's blind settings withhold CVs. Both are for the assigned
/// reviewer while in the current season's pool without a conflict (admins may read any assignment's CV).
/// </summary>
public static class ReviewApi
{
    public sealed record AssignmentSummary(int Id, string Reference, string Round, string Stage, string State, DateTime? DueAt, string Url, BlindApplication Application);

    public static void MapReviewApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/review/assignments", async (HttpContext http, CohortDbContext db, CancellationToken cancellation) =>
        {
            var assignments = await ReviewerAssignments.OpenAsync(db, http.User.Id(), cancellation);
            var summaries = new List<AssignmentSummary>();
            foreach (var assignment in assignments)
            {
                summaries.Add(new(assignment.Id, ReviewerAssignments.Reference(assignment.Id), assignment.Round!.Name, assignment.Round.Stage.ToString(),
                    assignment.State.ToString(), assignment.Round.DueAt, $"/review/assignments/{assignment.Id}", await BlindApplication.ReadAsync(db, assignment, cancellation)));
            }

            return Results.Ok(summaries);
        }).RequireAuthorization(AccountSetup.ReviewerPolicy);

        routes.MapGet("/review/assignments/{id:int}/cv", async (int id, HttpContext http, CohortDbContext db, CancellationToken cancellation) =>
        {
            var (assignment, access) = await ReviewerAssignments.FindAsync(db, id, http.User.Id(), http.User.IsInRole(Roles.Admin), cancellation);
            if (access == AssignmentAccess.Refused)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return access != AssignmentAccess.Missing && await BlindApplication.CvAsync(db, assignment!, cancellation) is { } cv
                ? Results.File(cv.Content, cv.ContentType, $"application-R{id}.pdf")
                : Results.NotFound();
        }).RequireAuthorization(AccountSetup.ReviewerPolicy);
    }
}
