using System.Text.Json;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The admin reaches /admin/exports from the admin menu, at both window sizes (the page checks include no sideways
/// scrolling at 390 px), sees every kind with its CSV and JSON links in both views, and downloads the blind JSON of the
/// applications, which states its view and leaves the email column out.
/// </summary>
public sealed class ExportsPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_admin_finds_every_export_and_downloads_the_blind_applications(string viewport)
    {
        await using var admin = await site.StartAsync(Viewport.Named(viewport));
        await AdminSteps.SignInAsync(admin);
        await admin.GoAsync("/admin/exports");
        await Expect(admin.Heading("Exports")).ToBeVisibleAsync();
        foreach (var kind in new[] { "applications", "attempts", "stream-applications" })
        {
            await Expect(admin.Main.Locator($"[data-kind='{kind}'] a")).ToHaveCountAsync(4);
        }

        var download = await admin.Page.RunAndWaitForDownloadAsync(() =>
            admin.Main.Locator("[data-kind='applications']").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("blind, as JSON$") }).ClickAsync());
        var document = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())).RootElement;

        Assert.EndsWith("-applications-blind.json", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("blind", document.GetProperty("view").GetString());
        Assert.DoesNotContain("email", document.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        admin.Finish();
    }
}
