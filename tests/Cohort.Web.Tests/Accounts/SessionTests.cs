using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Accounts;

/// <summary>The security stamp is checked on every request: sessions end at once when the password changes, and roles apply at once.</summary>
public abstract class SessionTests(CohortApp app)
{
    private const string NewPassword = "an entirely different passphrase";

    [Fact]
    public async Task A_session_cookie_copied_before_a_password_reset_is_refused_after_it()
    {
        var account = await app.NewAccountAsync();
        var (signedIn, stolen) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        using var _ = signedIn;
        var before = await stolen.ReplayAsync(app);

        using var owner = app.NewBrowser();
        var reset = await app.ResetPasswordAsync(owner, account.Email, NewPassword);

        Assert.Equal(200, before);
        Assert.Contains("password has been changed", reset.Text, StringComparison.Ordinal);
        Assert.Equal(302, await stolen.ReplayAsync(app));
        Assert.Equal(302, (await signedIn.GetAsync("/account/security")).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.password-reset" && e.Subject == $"user:{account.Email}")));
    }

    [Fact]
    public async Task A_session_cookie_copied_before_signing_out_is_refused_after_it_and_other_sessions_stay()
    {
        var account = await app.NewAccountAsync();
        var (leaving, stolen) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        var (staying, stayingCookie) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        using var _ = leaving;
        using var __ = staying;

        var signedOut = await leaving.SubmitAsync(await leaving.GetAsync("/account/security"), ".account form", new Dictionary<string, string>());

        Assert.Contains("Sign in", signedOut.One(".account")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(302, await stolen.ReplayAsync(app));
        Assert.Equal(200, await stayingCookie.ReplayAsync(app));
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_and_keeps_this_one()
    {
        var account = await app.NewAccountAsync();
        var (laptop, _) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        var (phone, phoneCookie) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        using var __ = laptop;
        using var ___ = phone;

        var changed = await laptop.SubmitAsync(await laptop.GetAsync("/account/password"), "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Contains("Your password has been changed", changed.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await laptop.GetAsync("/account/security")).Status);
        Assert.Equal(302, await phoneCookie.ReplayAsync(app));
        Assert.Equal(302, (await phone.GetAsync("/account/security")).Status);
        using var again = app.NewBrowser();
        Assert.Equal(200, (await again.TrySignInAsync(account.Email, account.Password)).Status);
        Assert.Equal(302, (await again.TrySignInAsync(account.Email, NewPassword)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.password-changed" && e.Subject == $"user:{account.Email}")));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == account.Email && m.Subject == "Cohort: the password was changed")));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);

        var refused = await browser.SubmitAsync(await browser.GetAsync("/account/password"), "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my current passphrase",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Contains("not your current password", refused.Text, StringComparison.Ordinal);
        using var again = app.NewBrowser();
        Assert.Equal(302, (await again.TrySignInAsync(account.Email, account.Password)).Status);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_other_sessions_and_keeps_this_one()
    {
        var account = await app.NewAccountAsync();
        var (here, hereCookie) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        var (elsewhere, elsewhereCookie) = await SessionCookie.SignInAsync(app, account.Email, account.Password);
        using var _ = here;
        using var __ = elsewhere;

        var done = await here.SubmitAsync(await here.GetAsync("/account/security"), "#sign-out-everywhere", new Dictionary<string, string>());

        Assert.Contains("Every other device signed in to your account has been signed out", done.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await here.GetAsync("/account/security")).Status);
        Assert.Equal(302, await elsewhereCookie.ReplayAsync(app));
        Assert.Equal(302, await hereCookie.ReplayAsync(app));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.signed-out-everywhere" && e.Subject == $"user:{account.Email}")));
    }

    [Fact]
    public async Task A_role_granted_or_removed_applies_at_the_next_request_without_signing_out()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        var before = await browser.GetAsync("/admin");

        await ChangeRoleAsync(account, (users, user) => users.AddToRoleAsync(user, Roles.Admin));
        var granted = await browser.GetAsync("/admin");
        await ChangeRoleAsync(account, (users, user) => users.RemoveFromRoleAsync(user, Roles.Admin));
        var removed = await browser.GetAsync("/admin");

        Assert.Equal("/account/access-denied", before.RedirectPath());
        Assert.Equal(200, granted.Status);
        Assert.Equal("/account/access-denied", removed.RedirectPath());
    }

    private async Task ChangeRoleAsync(TestAccount account, Func<UserManager<CohortUser>, CohortUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(account.Id))!)).Succeeded);
    }
}

public sealed class SessionsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
