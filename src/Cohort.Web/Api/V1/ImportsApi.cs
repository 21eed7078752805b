using Cohort.Core.Api;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>POST /api/v1/imports/applicants</c> and <c>POST /api/v1/imports/reviewers</c> (<c>people:write</c>): the same use
/// cases as /admin/imports and <c>cohort import</c>. A sound file answers 200 with the report (a dry run's too); a file
/// with problems answers 422 ProblemDetails whose <c>errors</c> are keyed by where each problem is
/// (<c>line 4, column "Email"</c>), and nothing is written; a malformed body answers 400 with errors at JSON paths.
/// </summary>
public static class ImportsApi
{
    /// <param name="Csv">The file's text.</param>
    /// <param name="Mapping">Column header to <c>email</c>, <c>name</c>, <c>submittedAt</c>, <c>question:KEY</c> or <c>ignore</c>; columns left out are guessed from their headers.</param>
    /// <param name="DateOrder"><c>monthFirst</c> (the default) or <c>dayFirst</c>: how the file writes dates with slashes.</param>
    public sealed record ApplicantImportBody(string? Csv, Dictionary<string, string>? Mapping, bool DryRun, string? DateOrder);

    public sealed record ReviewerImportBody(string? Csv, bool DryRun);

    public sealed record ColumnItem(string Header, string Target, bool Guessed);

    public sealed record ApplicantRowItem(long Line, string Email, string Name, string Change, bool NewAccount);

    public sealed record ApplicantImportResult(
        bool DryRun, bool Written, int Created, int Updated, int Unchanged, int NewAccounts,
        IReadOnlyList<ColumnItem> Columns, IReadOnlyList<ApplicantRowItem> Rows, IReadOnlyList<string> Notes);

    public sealed record ReviewerRowItem(long Line, string Email, string Change, int ConflictsAdded);

    public sealed record ReviewerImportResult(bool DryRun, bool Written, IReadOnlyList<ReviewerRowItem> Rows);

    public static void MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/applicants", ImportApplicantsAsync)
            .RequireScope(ApiScopes.PeopleWrite)
            .WithName("ImportApplicants");
        api.MapPost("/imports/reviewers", ImportReviewersAsync)
            .RequireScope(ApiScopes.PeopleWrite)
            .WithName("ImportReviewers");
    }

    private static async Task<Results<Ok<ApplicantImportResult>, ValidationProblem, ProblemHttpResult>> ImportApplicantsAsync(
        ApplicantImportBody body, HttpContext http, ImportApplicants import, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(body.Csv))
        {
            errors["$.csv"] = ["Give the CSV file's text."];
        }

        var order = body.DateOrder?.ToLowerInvariant() switch
        {
            null or "monthfirst" => DateOrder.MonthFirst,
            "dayfirst" => DateOrder.DayFirst,
            _ => (DateOrder?)null,
        };
        if (order is null)
        {
            errors["$.dateOrder"] = ["Give monthFirst or dayFirst."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request's body is not valid.");
        }

        var report = await import.RunAsync(new ApplicantImportRequest(body.Csv!, body.Mapping ?? [], body.DryRun, order!.Value), http.User.AsApiActor(), cancellation);
        if (!report.Succeeded)
        {
            return Refused(report.Problems);
        }

        return TypedResults.Ok(new ApplicantImportResult(report.DryRun, report.Written, report.Created, report.Updated, report.Unchanged, report.NewAccounts,
            report.Columns.Select(c => new ColumnItem(c.Header, c.Target.ToString(), c.Guessed)).ToList(),
            report.Rows.Select(r => new ApplicantRowItem(r.Line, r.Email, r.Name, Name(r.Change), r.NewAccount)).ToList(),
            report.Notes));
    }

    private static async Task<Results<Ok<ReviewerImportResult>, ValidationProblem, ProblemHttpResult>> ImportReviewersAsync(
        ReviewerImportBody body, HttpContext http, ImportReviewers import, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(body.Csv))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$.csv"] = ["Give the CSV file's text."] }, title: "The request's body is not valid.");
        }

        var report = await import.RunAsync(body.Csv, body.DryRun, http.User.AsApiActor(), cancellation);
        if (!report.Succeeded)
        {
            return Refused(report.Problems);
        }

        return TypedResults.Ok(new ReviewerImportResult(report.DryRun, report.Written,
            report.Rows.Select(r => new ReviewerRowItem(r.Line, r.Email, Name(r.Change), r.ConflictsAdded)).ToList()));
    }

    // The import's own problems, by line and column: the body was well-formed, its file was not importable.
    private static ProblemHttpResult Refused(IEnumerable<ImportProblem> problems) =>
        TypedResults.Problem(new HttpValidationProblemDetails(problems.GroupBy(p => p.Where).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
        {
            Title = "The file was not imported: nothing was written.",
            Status = StatusCodes.Status422UnprocessableEntity,
        });

    private static string Name(RowChange change) => change.ToString().ToLowerInvariant();
}
