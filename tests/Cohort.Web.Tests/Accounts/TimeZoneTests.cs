using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

/// <summary>
/// The reader's time zone: recorded from the browser at sign-up (an unknown one ignored), changed on the account
/// page, and used by every page, which names the zone and keeps UTC on hover.
/// </summary>
public abstract class TimeZoneTests(CohortApp app)
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private async Task<string?> RecordedZoneAsync(string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZoneId).SingleAsync());

    private async Task<string> SignUpWithZoneAsync(string zone)
    {
        var email = $"zone-{Guid.NewGuid():N}@example.net";
        using var browser = app.NewBrowser();
        var fields = SignUps.Fields(email);
        fields["Input.TimeZone"] = zone;
        var done = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", fields);
        Assert.EndsWith("/account/check-your-mail", done.Url, StringComparison.Ordinal);
        return email;
    }

    [Fact]
    public async Task The_sign_up_form_has_a_hidden_field_for_the_browsers_zone()
    {
        using var browser = app.NewBrowser();

        var form = await browser.GetAsync("/account/sign-up");

        Assert.Equal("hidden", form.One("main form input[name='Input.TimeZone'][data-browser-zone]")!.GetAttribute("type"));
    }

    [Fact]
    public async Task Sign_up_records_a_zone_the_browser_reports()
    {
        var email = await SignUpWithZoneAsync("Asia/Kolkata");

        Assert.Equal("Asia/Kolkata", await RecordedZoneAsync(email));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    [InlineData("India Standard Time")]
    public async Task Sign_up_ignores_a_zone_that_is_not_a_known_IANA_name_and_still_creates_the_account(string zone)
    {
        var email = await SignUpWithZoneAsync(zone);

        Assert.Null(await RecordedZoneAsync(email));
    }

    [Fact]
    public async Task An_account_created_from_an_invitation_records_the_browsers_zone()
    {
        var email = $"zone-{Guid.NewGuid():N}@example.net";
        using var admin = await app.AsAsync(Cohort.Core.Accounts.Roles.Admin);
        await admin.InviteReviewerAsync(email);
        using var invitee = app.NewBrowser();

        await app.AcceptWithNewAccountAsync(invitee, email, timeZone: "America/Sao_Paulo");

        Assert.Equal("America/Sao_Paulo", await RecordedZoneAsync(email));
    }

    [Fact]
    public async Task A_page_shows_times_in_the_readers_zone_naming_it_with_UTC_on_hover()
    {
        var email = $"zone-{Guid.NewGuid():N}@example.net";
        using var browser = await app.SignUpAndConfirmAsync(email);
        await browser.SubmitAsync(await browser.GetAsync("/account/time-zone"), "#time-zone", new Dictionary<string, string> { ["Zone"] = "Asia/Kolkata" });
        var closes = await app.WithDbAsync(db => db.ApplicationForms.Where(f => f.Kind == FormKind.General).Select(f => f.ClosesAt).FirstAsync());

        var portal = await browser.GetAsync("/portal");

        var time = portal.One("li[data-application=general] time[data-local]")!;
        var inIndia = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(closes, DateTimeKind.Utc), India);
        Assert.Equal(inIndia.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " (Asia/Kolkata)", time.TextContent);
        Assert.Equal(closes.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC", time.GetAttribute("title"));
        Assert.Equal("Asia/Kolkata", await RecordedZoneAsync(email));
    }

    [Fact]
    public async Task A_visitor_without_a_zone_reads_times_in_UTC_named_as_such()
    {
        using var browser = app.NewBrowser();

        var dates = await browser.GetAsync("/dates");

        var times = dates.All("main time[data-local]");
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.EndsWith(" UTC", time.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_page_refuses_an_unknown_zone_and_can_clear_the_zone()
    {
        var email = $"zone-{Guid.NewGuid():N}@example.net";
        using var browser = await app.SignUpAndConfirmAsync(email);
        var form = await browser.GetAsync("/account/time-zone");
        await browser.SubmitAsync(form, "#time-zone", new Dictionary<string, string> { ["Zone"] = "Europe/Berlin" });

        var refused = await browser.SubmitAsync(await browser.GetAsync("/account/time-zone"), "#time-zone", new Dictionary<string, string> { ["Zone"] = "Nowhere/Atlantis" });
        Assert.Contains("not a time zone Cohort knows", refused.One("#zone-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", await RecordedZoneAsync(email));

        await browser.SubmitAsync(await browser.GetAsync("/account/time-zone"), "#time-zone", new Dictionary<string, string> { ["Zone"] = "" });
        Assert.Null(await RecordedZoneAsync(email));
    }
}

public sealed class TimeZonesOnSqlite(SqliteApp app) : TimeZoneTests(app), IClassFixture<SqliteApp>;

public sealed class TimeZonesOnPostgres(PostgresApp app) : TimeZoneTests(app), IClassFixture<PostgresApp>;
