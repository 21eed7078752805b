using System.Text;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The admin imports the Google Forms sample (its duplicate row left out) at both window sizes: upload, the mapping
/// page with its dry run, then the import; every page checked for sideways scrolling and accessibility.
/// </summary>
public sealed class ImportJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_admin_previews_the_mapping_and_imports_applicants(string viewport)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "samples", "google-forms-responses.csv")).Split('\n');
        // The first response (lines 2 and 3) is the older of the duplicate's two.
        var file = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(1).Concat(lines.Skip(3))));
        await using var admin = await site.StartAsync(Viewport.Named(viewport), $"imports-{viewport}");

        await AdminSteps.SignInAsync(admin);
        await admin.GoAsync("/admin/imports");
        await admin.Page.Locator("#upload-applicants input[type=file]").SetInputFilesAsync(new FilePayload { Name = "responses.csv", MimeType = "text/csv", Buffer = file });
        await admin.FollowAsync(admin.Page.Locator("#upload-applicants").GetByRole(AriaRole.Button, new() { Name = "Preview" }));
        await Expect(admin.Page.Locator("#dry-run-summary")).ToContainTextAsync("3 created");
        await Expect(admin.Page.GetByLabel("Full name", new() { Exact = true })).ToHaveValueAsync("question:full-name");
        await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Import 3 applicants" }));
        await Expect(admin.Notice).ToContainTextAsync("Imported responses.csv: 3 created");
        admin.Finish();
    }
}
