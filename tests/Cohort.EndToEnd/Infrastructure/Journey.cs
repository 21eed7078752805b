using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// One person's walk through the site in a browser context of their own, with every page they reach checked by
/// <see cref="PageChecks"/>. Pages are reached through <see cref="GoAsync"/> and <see cref="FollowAsync"/>, which
/// check the page they land on; <see cref="FinishAsync"/> fails if any page loaded without being checked, so a
/// journey cannot walk past a page unseen.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> uncheckedPages = [];
    private readonly List<TaskCompletionSource> loadWaiters = [];
    private readonly Lock loads = new();
    private int loadCount;
    private int checkedLoad;
    private string? loadedUrl;
    private int? documentStatus;
    private string? documentType;

    private Journey(LiveCohortApp app, IBrowserContext context, IPage page, Viewport viewport)
    {
        (App, this.context, Page, Viewport) = (app, context, page, viewport);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                documentStatus = response.Status;
                response.Headers.TryGetValue("content-type", out documentType);
            }
        };
        page.Load += (_, loaded) => OnLoad(loaded.Url);
    }

    public LiveCohortApp App { get; }

    public IPage Page { get; }

    public Viewport Viewport { get; }

    public bool OnPhone => Viewport == Viewport.Phone;

    public static async Task<Journey> OpenAsync(LiveCohortApp app, IBrowserContext context, Viewport viewport) =>
        new(app, context, await context.NewPageAsync(), viewport);

    /// <summary>Opens <paramref name="path"/> by its address and checks it.</summary>
    public async Task GoAsync(string path, params string[] expectedProblems)
    {
        await Page.GotoAsync(path);
        await CheckAsync(expectedProblems);
    }

    /// <summary>Does <paramref name="action"/> (a click, a submit), waits for the page it leads to, and checks it.</summary>
    public async Task FollowAsync(Func<Task> action, params string[] expectedProblems)
    {
        var next = NextLoad();
        await action();
        await next.WaitAsync(TimeSpan.FromSeconds(30));
        await CheckAsync(expectedProblems);
    }

    /// <summary>Clicks the link or button and checks the page it leads to.</summary>
    public Task FollowAsync(ILocator locator, params string[] expectedProblems) => FollowAsync(() => locator.ClickAsync(), expectedProblems);

    /// <summary>Checks the page now open: no sideways scrolling, no unexpected error, no serious axe violation.</summary>
    public async Task CheckAsync(params string[] expectedProblems)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        int count;
        lock (loads)
        {
            count = loadCount;
        }

        await PageChecks.AssertHealthyAsync(Page, Viewport, documentStatus, documentType, expectedProblems);
        lock (loads)
        {
            checkedLoad = Math.Max(checkedLoad, count);
        }
    }

    /// <summary>Signs in on the sign-in page, as a person who was given an account does, and checks where it lands.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GoAsync("/account/sign-in");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await FollowAsync(Main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync(email);
    }

    /// <summary>
    /// Fills the sign-up page (already open), follows the confirmation link mailed to <paramref name="email"/>,
    /// confirms, and signs in; the new applicant lands on their portal.
    /// </summary>
    public async Task SignUpAsync(string name, string email, string password)
    {
        await Page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again", new() { Exact = true }).FillAsync(password);
        await FollowAsync(Main.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }));
        await Expect(Heading("Check your mail")).ToBeVisibleAsync();
        await CaptureAsync("05-check-your-mail");

        await GoAsync(await Mailbox.LatestLinkAsync(App, email, "/account/confirm-email"));
        await FollowAsync(Main.GetByRole(AriaRole.Button, new() { Name = "Confirm my address", Exact = true }));
        await Expect(Notice).ToContainTextAsync("Your address is confirmed");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await FollowAsync(Main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await ExpectAtAsync("/portal$");
    }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    /// <summary>The site's main menu; on a phone it is the same list, wrapped.</summary>
    public ILocator Menu => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public ILocator Notice => Page.GetByRole(AriaRole.Status);

    public Task ExpectAtAsync(string pathPattern) => Expect(Page).ToHaveURLAsync(new Regex(pathPattern));

    /// <summary>
    /// A screenshot for docs/tour.md, named for its place in the tour (e.g. "03-streams"). Taken at the desktop size,
    /// and at the phone size too where <paramref name="onPhone"/> says the tour shows it.
    /// </summary>
    public async Task CaptureAsync(string name, bool onPhone = false)
    {
        if (OnPhone && !onPhone)
        {
            return;
        }

        var path = Path.Combine(Screenshots.Folder("tour"), OnPhone ? $"{name}-phone.png" : $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    /// <summary>Fails if a page loaded that the journey never checked.</summary>
    public void Finish()
    {
        lock (loads)
        {
            if (checkedLoad < loadCount)
            {
                uncheckedPages.Add(loadedUrl ?? "?");
            }

            Assert.True(uncheckedPages.Count == 0, $"Pages loaded but never checked at {Viewport}: {string.Join(", ", uncheckedPages)}");
        }
    }

    private Task NextLoad()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (loads)
        {
            loadWaiters.Add(waiter);
        }

        return waiter.Task;
    }

    private void OnLoad(string url)
    {
        List<TaskCompletionSource> waiting;
        lock (loads)
        {
            if (loadCount > 0 && checkedLoad < loadCount && loadedUrl is not null)
            {
                uncheckedPages.Add(loadedUrl);
            }

            loadCount++;
            loadedUrl = url;
            waiting = [.. loadWaiters];
            loadWaiters.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
