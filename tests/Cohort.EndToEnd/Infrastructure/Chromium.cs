using Microsoft.Playwright;

namespace Cohort.EndToEnd.Infrastructure;

public static class Chromium
{
    /// <summary>Debian's headless chromium (`playwright install` cannot download here), with any extra switches.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", .. extraArgs],
        });
}
