using System.Text.Json;
using Cohort.Core.Data;
using Cohort.Web.Tests.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// An app with a fault only the test host puts in: the FAQ page, asked with <see cref="Header"/>, throws from its handler,
/// as a bug would. The app itself has no such code. Its unhandled-exception log is kept for the tests to read.
/// </summary>
public sealed class FaultyApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public const string Header = "X-Test-Fault";
    public const string Secret = "the-detail-only-the-log-may-hold";

    public LogCapture Log { get; } = new("Cohort.Web.Hosting.UnhandledExceptions");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Log);
            services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new Fault()));
        });
    }

    private sealed class Fault : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Headers.ContainsKey(Header) && context.HttpContext.Request.Path == "/faq" ? throw new InvalidOperationException($"A deliberate failure: {Secret}") : next();
    }
}

/// <summary>No unhandled exception reaches anyone as a stack trace: people get the site's page with an error id, API clients ProblemDetails with it, the log the detail.</summary>
public sealed class ErrorPageTests(FaultyApp app) : IClassFixture<FaultyApp>
{
    private async Task<HttpResponseMessage> FailAsync(Browser browser, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/faq");
        request.Headers.Add(FaultyApp.Header, "yes");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await browser.Client.SendAsync(request);
    }

    private (string Text, Exception? Exception) Logged(string id) =>
        app.Log.Entries.Where(e => e.Level == LogLevel.Error && e.Text.Contains(id, StringComparison.Ordinal)).Select(e => (e.Text, e.Exception)).Single();

    [Fact]
    public async Task A_person_gets_the_sites_page_with_an_error_id_that_the_log_holds_with_the_exception()
    {
        using var visitor = app.NewBrowser();
        using var response = await FailAsync(visitor, "text/html,application/xhtml+xml,*/*;q=0.8");
        var page = await Browser.ReadAsync(response, "/faq");

        Assert.Equal(500, page.Status);
        Assert.Equal("Something went wrong", page.One("h1")!.TextContent);
        Assert.NotNull(page.One("nav[aria-label='Main']"));
        var id = page.One("#error-id")!.TextContent;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.DoesNotContain(FaultyApp.Secret, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Cohort.", page.Text, StringComparison.Ordinal);

        var (text, exception) = Logged(id);
        Assert.Contains("GET /faq", text, StringComparison.Ordinal);
        Assert.Contains(FaultyApp.Secret, exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_client_gets_problem_details_with_the_same_id_as_the_log()
    {
        using var client = app.NewBrowser();
        using var response = await FailAsync(client, "application/json");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        var id = problem.RootElement.GetProperty("traceId").GetString()!;
        Assert.Contains(id, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FaultyApp.Secret, body, StringComparison.Ordinal);
        Assert.Contains(FaultyApp.Secret, Logged(id).Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_statuses_without_an_exception_keep_their_readable_pages()
    {
        using var visitor = app.NewBrowser();
        var missing = await visitor.GetAsync("/streams/no-such-stream");

        Assert.Equal(404, missing.Status);
        Assert.Equal("Page not found", missing.One("h1")!.TextContent);
        Assert.Null(missing.One("#error-id"));
    }
}
