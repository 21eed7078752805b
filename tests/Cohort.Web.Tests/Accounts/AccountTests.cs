using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Core.Seeding;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

public abstract partial class AccountTests(CohortApp app)
{
    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.net";

    private static Dictionary<string, string> SignUpFields(string email, string password, string? confirm = null) => new()
    {
        ["Input.DisplayName"] = "Test Person",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private Task<int> UserCountAsync() => app.WithDbAsync(db => db.Users.CountAsync());

    [Fact]
    public async Task Sign_up_creates_a_signed_in_applicant()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail();
        var page = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", SignUpFields(email, "a long enough passphrase"));

        Assert.Contains(email, page.One(".account")!.TextContent, StringComparison.Ordinal);
        var roles = await app.WithDbAsync(db => (from u in db.Users
                                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                                 join r in db.Roles on ur.RoleId equals r.Id
                                                 where u.Email == email
                                                 select r.Name).ToListAsync());
        Assert.Equal([Roles.Applicant], roles);
    }

    [Fact]
    public async Task Sign_up_with_a_weak_password_explains_and_creates_nothing()
    {
        using var browser = app.NewBrowser();
        var before = await UserCountAsync();
        var page = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", SignUpFields(NewEmail(), "short"));

        Assert.Equal(200, page.Status);
        Assert.Contains("at least 10 characters", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Sign_up_with_an_existing_email_explains_and_creates_nothing()
    {
        using var browser = app.NewBrowser();
        var existing = DemoSeason.Accounts[0].Email;
        var before = await UserCountAsync();
        var page = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", SignUpFields(existing, "a long enough passphrase"));

        Assert.Contains("already exists", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = app.NewBrowser();
        var before = await UserCountAsync();
        using var response = await browser.Client.PostAsync("/account/sign-up", new FormUrlEncodedContent(SignUpFields(NewEmail(), "a long enough passphrase")));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Password_reset_goes_through_the_outbox_and_the_new_password_works()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail();
        await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", SignUpFields(email, "the old passphrase"));
        using var forgetful = app.NewBrowser();
        var sent = await forgetful.SubmitAsync(await forgetful.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("If an account uses that address", sent.Text, StringComparison.Ordinal);

        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == email));
        var link = new Uri(ResetLink().Match(mail.Body).Value);
        var form = await forgetful.GetAsync(link.PathAndQuery);
        var done = await forgetful.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });
        Assert.Contains("password has been changed", done.Text, StringComparison.Ordinal);

        using var signedIn = await app.AsAsync(email, "a brand new passphrase");
        Assert.Contains(email, (await signedIn.GetAsync("/")).One(".account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_requests_for_unknown_addresses_look_the_same_and_send_nothing()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail();
        var page = await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = email });

        Assert.Contains("If an account uses that address", page.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == email)));
    }

    [GeneratedRegex(@"https?://\S+reset-password\S+")]
    private static partial Regex ResetLink();
}

public sealed class AccountsOnSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountsOnPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
