using System.Globalization;
using System.Text.RegularExpressions;
using Cohort.Core.Applications;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// A browser in India (Asia/Kolkata): sign-up records its zone, pages show times on its clock with the zone named and
/// UTC on hover, and a 9 MB CV is stopped in the browser with the field's message before anything is sent.
/// </summary>
public sealed class TimesAndUploadsJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private Task<IBrowserContext> NewContextInIndiaAsync() =>
        site.Browser.NewContextAsync(new()
        {
            BaseURL = site.App.Address.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Asia/Kolkata",
        });

    [Fact]
    public async Task An_applicant_in_India_reads_times_on_their_own_clock_and_a_9_MB_cv_is_stopped_in_the_browser()
    {
        await using var context = await NewContextInIndiaAsync();
        var page = await context.NewPageAsync();
        var email = $"india-{Guid.NewGuid():N}@example.net";
        await SiteAccounts.SignUpAndConfirmAsync(site.App, page, "Asha Applicant", email, "a journey passphrase");

        // Browsers name India's zone by its current IANA name or the older alias; either is India's clock.
        var recorded = await site.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZoneId).SingleAsync());
        Assert.Contains(recorded, new[] { "Asia/Kolkata", "Asia/Calcutta" });

        var closes = await site.App.WithDbAsync(db => db.ApplicationForms.Where(f => f.Kind == FormKind.General).OrderByDescending(f => f.Id).Select(f => f.ClosesAt).FirstAsync());
        var deadline = page.Locator("li[data-application=general] time[data-local]");
        var inIndia = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(closes, DateTimeKind.Utc), India).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        await Expect(deadline).ToHaveTextAsync(new Regex($"^{Regex.Escape(inIndia)} \\(Asia/(Kolkata|Calcutta)\\)$"));
        await Expect(deadline).ToHaveAttributeAsync("title", closes.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC");

        await page.GetByRole(AriaRole.Link, new() { Name = "General application" }).ClickAsync();
        await page.GetByLabel("Your CV").SetInputFilesAsync(new FilePayload
        {
            Name = "scanned-cv.pdf", MimeType = "application/pdf", Buffer = NineMegabytePdf(),
        });
        await Expect(page.Locator("#q-cv-size-problem")).ToHaveTextAsync("That file is too large: the limit is 5 MB. Choose a smaller file.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/apply/general$"));
        await Expect(page.Locator("#q-cv-size-problem")).ToBeVisibleAsync();
        Assert.False(await site.App.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.OwnerId == db.Users.Single(u => u.Email == email).Id)));
    }

    private static byte[] NineMegabytePdf()
    {
        var pdf = new byte[9 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        return pdf;
    }
}
