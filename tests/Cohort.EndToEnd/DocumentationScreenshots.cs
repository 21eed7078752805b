using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Match;
using Cohort.Demo;
using Microsoft.AspNetCore.Identity;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Screenshots for the docs, taken from the running app. A test run writes them to artifacts/screenshots, so
/// running the tests never dirties the work tree; with COHORT_UPDATE_SCREENSHOTS=1 they replace docs/screenshots.
/// </summary>
public sealed class DocumentationScreenshots(LiveSite site) : IClassFixture<LiveSite>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_stream_list_a_coalition_stream_and_the_mobile_stream_list_are_captured_for_the_docs()
    {
        var folder = Folder();
        var coalition = (await site.StreamsFromApiAsync()).FirstOrDefault(s => s.Coalition);
        Assert.NotNull(coalition);

        await CaptureAsync("/streams", Path.Combine(folder, "streams.png"), width: 1280, height: 900);
        await CaptureAsync(coalition.Url, Path.Combine(folder, "stream.png"), width: 1280, height: 900);
        await CaptureAsync("/streams", Path.Combine(folder, "streams-mobile.png"), width: 390, height: 844);
    }

    [Fact]
    public async Task The_stage_1_score_table_of_the_demo_activity_is_captured_for_the_docs()
    {
        await SeedDemoActivityAsync();
        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        await CaptureAsync("/admin/scores/general?top=32", Path.Combine(Folder(), "scores.png"), width: 1280, height: 900,
            signIn: page => SiteAccounts.SignInAsync(page, admin.Email, admin.Password));
    }

    /// <summary>
    /// One test for both match screenshots, in order: the run optimal on scores is captured as a preview first, since
    /// publishing the stable run afterwards makes any later run a second round of the few left.
    /// </summary>
    [Fact]
    public async Task The_demo_match_optimal_on_scores_and_an_unmatched_applicant_reading_why_in_the_portal_are_captured_for_the_docs()
    {
        await SeedDemoActivityAsync();
        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var onScores = await scope.ServiceProvider.GetRequiredService<RunStreamMatch>().RunAsync(Actor.System, MatchAlgorithm.Scores);
            Assert.NotNull(onScores);
            Assert.True(onScores.Certified);
            Assert.True(onScores.Matched > 0);
            await CaptureAsync($"/admin/match?run={onScores.Id}", Path.Combine(Folder(), "match-scores.png"), width: 1280, height: 1100,
                signIn: page => SiteAccounts.SignInAsync(page, admin.Email, admin.Password), mustShow: "#certificate");
        }

        const string password = "a passphrase for the screenshot";
        string email;
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var run = await services.GetRequiredService<RunStreamMatch>().RunAsync(Actor.System, MatchAlgorithm.CandidatesPropose);
            Assert.NotNull(run);
            Assert.Null(await services.GetRequiredService<PublishStreamMatch>().RunAsync(Actor.System, run.Id, site.App.Clock.GetUtcNow().UtcDateTime.AddDays(5), "/portal"));
            var unmatched = System.Text.Json.JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!.Placements.First(p => p.HostId is null);
            var users = services.GetRequiredService<UserManager<CohortUser>>();
            var user = (await users.FindByIdAsync(unmatched.CandidateId))!;
            Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
            email = user.Email!;
        }

        await CaptureAsync("/portal", Path.Combine(Folder(), "unmatched-explanation.png"), width: 1280, height: 900,
            signIn: page => SiteAccounts.SignInAsync(page, email, password), mustShow: "#match-explanation");
    }

    [Fact]
    public async Task The_showcase_and_the_mentors_board_of_last_years_cohort_are_captured_for_the_docs()
    {
        await SeedDemoActivityAsync();
        await CaptureAsync("/showcase", Path.Combine(Folder(), "showcase.png"), width: 1280, height: 900, mustShow: "#artifacts");
        var mentor = DemoSeason.CoalitionMentor;
        await CaptureAsync("/mentor/board", Path.Combine(Folder(), "mentor-board.png"), width: 1280, height: 900,
            signIn: page => SiteAccounts.SignInAsync(page, mentor.Email, mentor.Password), mustShow: "#board");
    }

    [Fact]
    public async Task The_seasons_funnel_is_captured_for_the_readme()
    {
        await SeedDemoActivityAsync();
        var admin = DemoSeason.Admin;
        await CaptureAsync("/admin/analytics/funnel", Path.Combine(Folder(), "analytics-funnel.png"), width: 1280, height: 1100,
            signIn: page => SiteAccounts.SignInAsync(page, admin.Email, admin.Password), mustShow: "#funnel-funnel svg");
    }

    /// <summary>The demo season's fictional applicants, reviews and rankings, added once whichever screenshot needs them first.</summary>
    private async Task SeedDemoActivityAsync()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoActivity>().SeedAsync();
    }

    private static string Folder() => Screenshots.Folder();

    private async Task CaptureAsync(string url, string path, int width, int height, Func<IPage, Task>? signIn = null, string? mustShow = null)
    {
        File.Delete(path);
        await using var context = await site.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        if (signIn is not null)
        {
            await signIn(page);
        }

        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        if (mustShow is not null)
        {
            await Expect(page.Locator(mustShow)).ToBeVisibleAsync();
        }

        // The stylesheet applied (the CSP would block it if it were served from anywhere else).
        Assert.True(await page.EvaluateAsync<bool>("() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0"), $"{url} has no stylesheet rules.");

        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 24, $"{path} is empty or truncated ({bytes.Length} bytes).");
        Assert.Equal(PngSignature, bytes[..8]);
        // IHDR: width and height, big-endian, at bytes 16..23. A full-page shot is the viewport's width and at least its height.
        var pngWidth = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var pngHeight = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.Equal(width, pngWidth);
        Assert.True(pngHeight >= height, $"{path} is {pngHeight}px tall, less than the {height}px viewport.");
    }
}
