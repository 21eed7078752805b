using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Cohort.Web.Hosting;

/// <summary>
/// What anyone gets when something breaks: a page in the site's layout that says so and gives an error id (the
/// request's trace id), or, to an API client, RFC 9457 ProblemDetails with the same id as <c>traceId</c>. The
/// exception itself goes only to the log, once, with that id, so an operator finds it from what a person quotes.
/// Error statuses without an exception (404, 403, 429) get readable pages as before; API clients get them as is.
/// </summary>
public static class ErrorPages
{
    public static IServiceCollection AddCohortErrorPages(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem => problem.ProblemDetails.Extensions["traceId"] = IdOf(problem.HttpContext));
        services.AddExceptionHandler<UnhandledExceptions>();
        return services;
    }

    public static IApplicationBuilder UseCohortErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // UnhandledExceptions writes the one log entry, with the id; the middleware's own would be a second, without it.
            SuppressDiagnosticsCallback = _ => true,
        });
        // People get a readable page for an error status; API clients get the status and its ProblemDetails body as is.
        return app.UseWhen(context => !IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
    }

    /// <summary>The id a person quotes and the log holds: the W3C trace id of the request (the same one traces carry).</summary>
    public static string IdOf(HttpContext context) => Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;

    /// <summary>A client that reads JSON: the API, or a script asking for JSON (the application form's autosave).</summary>
    public static bool WantsJson(HttpRequest request) =>
        IsApi(request) || (request.Headers.Accept.ToString() is var accept
            && accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>Logs an unhandled exception with its id, and answers a JSON client itself; a person gets <c>/error</c>.</summary>
internal sealed class UnhandledExceptions(IProblemDetailsService problems, ILogger<UnhandledExceptions> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var id = ErrorPages.IdOf(httpContext);
        // The path asked for (the middleware has already pointed the request at /error), not the query string: a query
        // may carry a token (a reset link's).
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        logger.LogError(exception, "Unhandled exception, error id {ErrorId}, answering {Method} {Path}", id, httpContext.Request.Method, path);
        if (!ErrorPages.WantsJson(httpContext.Request))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong",
                Detail = $"The request could not be finished. If it keeps happening, tell the programme team error id {id}.",
            },
        });
    }
}
