using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Api;

/// <summary>
/// /api/docs renders the OpenAPI document in chromium under the app's own CSP: the operations are listed, nothing is
/// fetched from another origin, the policy has no 'unsafe-inline' or 'unsafe-eval', and the browser reports no CSP violation.
/// </summary>
public sealed class ApiDocsPageTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task The_reference_page_lists_the_operations_with_no_csp_violation_and_no_other_origin()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        var origins = new HashSet<string>();
        page.Request += (_, request) => origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));

        var response = await page.GotoAsync("/api/docs");

        Assert.NotNull(response);
        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        await Expect(page.GetByText("/api/v1/decisions").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("/api/v1/seasons").First).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/v1/catalogue").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        Assert.Equal([site.App.Address.GetLeftPart(UriPartial.Authority)], origins);
    }
}
