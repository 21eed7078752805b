using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

public abstract class AccountTests(CohortApp app)
{
    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.net";

    private Task<int> UserCountAsync() => app.WithDbAsync(db => db.Users.CountAsync());

    private Task<List<string?>> RolesAsync(string email) => app.WithDbAsync(db => (from u in db.Users
                                                                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                                                                   join r in db.Roles on ur.RoleId equals r.Id
                                                                                   where u.Email == email
                                                                                   select r.Name).ToListAsync());

    private Task<bool> ConfirmedAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    private static async Task<Browser.Page> SignInAsync(Browser browser, string email, string password) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/sign-in"), "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, follow: false);

    [Fact]
    public async Task Sign_up_answers_the_same_for_a_new_and_an_existing_email()
    {
        var fresh = NewEmail();
        var existing = DemoSeason.Accounts.Single(a => a.Role == Roles.Applicant).Email;
        var answers = new List<(int Status, string? Location, string Text)>();
        foreach (var email in new[] { fresh, existing })
        {
            using var browser = app.NewBrowser();
            var posted = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", SignUps.Fields(email), follow: false);
            var landed = await browser.FollowAsync(posted.Response, "/account/sign-up");
            answers.Add((posted.Status, posted.Response.Headers.Location?.ToString(), landed.One("main")!.TextContent));
            Assert.Null(landed.One(".account form")); // signed in as nobody
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(302, answers[0].Status);
        Assert.Equal("/account/check-your-mail", answers[0].Location);
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == fresh || m.To == existing).OrderBy(m => m.Id).ToListAsync());
        var confirmation = Assert.Single(mails, m => m.To == fresh);
        Assert.Equal(ConfirmationMail.Subject, confirmation.Subject);
        Assert.Contains("http://localhost/account/confirm-email?", confirmation.Body, StringComparison.Ordinal);
        Assert.True(confirmation.Sensitive);
        var tried = Assert.Single(mails, m => m.To == existing && m.Subject == SignUp.TriedSubject);
        Assert.Contains("http://localhost/account/sign-in", tried.Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/forgot-password", tried.Body, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == existing)));
    }

    [Fact]
    public async Task Signing_up_again_with_an_address_still_unconfirmed_makes_no_second_account_and_mails_a_fresh_link()
    {
        var email = NewEmail();
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);
        await browser.SignUpAsync(email, "a different passphrase");

        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal((ConfirmationMail.Subject, true), (m.Subject, m.Sensitive)));
        Assert.Contains("already has one", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/forgot-password", mails[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_holds_no_role_and_cannot_sign_in_or_apply_until_its_address_is_confirmed()
    {
        var email = NewEmail();
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);

        var refused = await SignInAsync(browser, email, SignUps.Password);
        var apply = await browser.GetAsync("/apply/general");

        Assert.Equal(200, refused.Status);
        Assert.Equal("/account/confirm-email/resend", refused.One("#unconfirmed a")!.GetAttribute("href"));
        Assert.Equal(302, apply.Status);
        Assert.Contains("/account/sign-in", apply.Response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await RolesAsync(email));
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_same_answer_as_an_unknown_address()
    {
        var email = NewEmail();
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);

        var wrong = await SignInAsync(browser, email, "not the passphrase at all");
        var unknown = await SignInAsync(browser, NewEmail(), "not the passphrase at all");

        Assert.Null(wrong.One("#unconfirmed"));
        Assert.Equal(unknown.One("main")!.TextContent, wrong.One("main")!.TextContent);
    }

    [Fact]
    public async Task Confirming_through_the_mailed_link_makes_an_applicant_who_signs_in_to_the_portal()
    {
        var email = NewEmail();
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);
        var link = await app.MailedLinkAsync(email, "/account/confirm-email");

        // Opening the link only shows a button, so a mail scanner that follows every link confirms nothing.
        var opened = await browser.GetAsync(link.PathAndQuery);
        Assert.False(await ConfirmedAsync(email));
        var confirmed = await browser.SubmitAsync(opened, "main form", new Dictionary<string, string>(), follow: false);
        var signIn = await browser.FollowAsync(confirmed.Response, link.PathAndQuery);
        var signedIn = await browser.SubmitAsync(signIn, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = SignUps.Password });

        Assert.Equal("/account/sign-in?ReturnUrl=%2Fportal", confirmed.Response.Headers.Location!.ToString());
        Assert.Contains("Your address is confirmed", signIn.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/portal", signedIn.Url);
        Assert.Equal(200, signedIn.Status);
        Assert.Equal([Roles.Applicant], await RolesAsync(email));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_confirms_nothing()
    {
        var email = NewEmail();
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);
        var link = await app.MailedLinkAsync(email, "/account/confirm-email");
        var tampered = Regex.Replace(link.PathAndQuery, "token=[^&]+", "token=Q2hlYXRlZA");

        var refused = await browser.SubmitAsync(await browser.GetAsync(tampered), "main form", new Dictionary<string, string>());

        Assert.NotNull(refused.One("#confirm-problem"));
        Assert.Empty(await RolesAsync(email));
        Assert.False(await ConfirmedAsync(email));
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_the_same_for_any_address_and_mails_only_an_account_waiting_for_it()
    {
        var waiting = NewEmail();
        var unknown = NewEmail();
        var confirmed = DemoSeason.Accounts.Single(a => a.Role == Roles.Applicant).Email;
        using (var signUp = app.NewBrowser())
        {
            await signUp.SignUpAsync(waiting);
        }

        var answers = new List<string>();
        foreach (var email in new[] { waiting, unknown, confirmed })
        {
            using var browser = app.NewBrowser();
            var page = await browser.SubmitAsync(await browser.GetAsync("/account/confirm-email/resend"), "main form", new Dictionary<string, string> { ["Email"] = email });
            answers.Add(page.One("main")!.TextContent);
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == waiting && m.Subject == ConfirmationMail.Subject)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => (m.To == unknown || m.To == confirmed) && m.Subject == ConfirmationMail.Subject)));
    }

    [Fact]
    public async Task Sign_up_with_a_weak_password_explains_and_creates_nothing()
    {
        using var browser = app.NewBrowser();
        var before = await UserCountAsync();
        var page = await browser.SignUpAsync(NewEmail(), "short");

        Assert.Equal(200, page.Status);
        Assert.Contains("at least 10 characters", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = app.NewBrowser();
        var before = await UserCountAsync();
        using var response = await browser.Client.PostAsync("/account/sign-up", new FormUrlEncodedContent(SignUps.Fields(NewEmail())));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Password_reset_goes_through_the_outbox_and_the_new_password_works()
    {
        var email = NewEmail();
        using (await app.SignUpAndConfirmAsync(email, "the old passphrase"))
        {
        }

        using var forgetful = app.NewBrowser();
        var sent = await forgetful.SubmitAsync(await forgetful.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("If an account uses that address", sent.Text, StringComparison.Ordinal);

        var link = await app.MailedLinkAsync(email, "/account/reset-password");
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
}

public sealed class AccountsOnSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountsOnPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
