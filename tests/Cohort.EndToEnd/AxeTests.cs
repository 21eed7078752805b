using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Cohort.EndToEnd;

/// <summary>The accessibility check every journey page goes through finds what it must, and only the impacts it is asked for.</summary>
public sealed class AxeTests : IAsyncLifetime
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    [Fact]
    public async Task An_image_without_text_an_unlabelled_field_and_faint_text_are_reported_with_where_they_are()
    {
        var page = await browser!.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Faults</title></head><body><main><h1>Faults</h1>
            <img id="portrait" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <input id="nameless" type="text">
            <p id="faint" style="color:#bbb;background:#fff">Hard to read</p>
            </main></body></html>
            """);

        var violations = await Axe.ViolationsAsync(page, Blocking);

        Assert.Equal(["color-contrast", "image-alt", "label"], violations.Select(v => v.Id).Order());
        Assert.Equal("#portrait", Assert.Single(violations.Single(v => v.Id == "image-alt").Nodes).Target);
        Assert.Contains("nameless", Assert.Single(violations.Single(v => v.Id == "label").Nodes).Html);
    }

    [Fact]
    public async Task A_page_with_only_moderate_faults_passes_the_blocking_check_but_not_a_moderate_one()
    {
        var page = await browser!.NewPageAsync();
        // Text outside any landmark is axe's "region" rule, of moderate impact.
        await page.SetContentAsync("""<!doctype html><html lang="en"><head><title>Loose</title></head><body><p>Outside every landmark</p></body></html>""");

        Assert.Empty(await Axe.ViolationsAsync(page, Blocking));
        Assert.Contains("region", (await Axe.ViolationsAsync(page, ["moderate"])).Select(v => v.Id));
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
