using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

/// <summary>Two-step sign-in, open to everyone: enrolment with an authenticator code, then codes or recovery codes at sign-in.</summary>
public abstract class TwoFactorTests(CohortApp app)
{
    [Fact]
    public async Task Enrolling_shows_a_qr_code_and_turns_on_with_a_code_computed_from_the_key()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        var setup = await browser.GetAsync("/account/two-factor");

        var wrong = await browser.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string> { ["Password"] = account.Password, ["Code"] = "000000" });
        var (_, codes) = await browser.EnrolAsync(app, account.Password);
        var overview = await browser.GetAsync("/account/security");

        Assert.StartsWith("data:image/svg+xml;base64,", setup.One("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.True(setup.Response.Headers.CacheControl?.NoStore);
        Assert.Contains("not right", wrong.Text, StringComparison.Ordinal);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("You have 10 recovery codes left", overview.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.two-factor-enabled" && e.Subject == $"user:{account.Email}")));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == account.Email && m.Subject == "Cohort: two-step sign-in was turned on")));
    }

    [Fact]
    public async Task Signing_in_asks_for_the_code_and_a_code_works_only_once()
    {
        var (account, key, _) = await app.NewAccountWithTwoFactorAsync();

        using var browser = app.NewBrowser();
        var passwordOnly = await browser.TrySignInAsync(account.Email, account.Password);
        var notYet = await browser.GetAsync("/account/security");
        var code = Totp.Next(app.Clock, key);
        var signedIn = await browser.SignInWithCodeAsync(account.Email, account.Password, code);
        using var replaying = app.NewBrowser();
        var replayed = await replaying.SignInWithCodeAsync(account.Email, account.Password, code);

        Assert.Equal("/account/sign-in/code", passwordOnly.RedirectPath());
        Assert.Equal(302, notYet.Status);
        Assert.Equal(302, signedIn.Status);
        Assert.Equal("/", signedIn.RedirectPath());
        Assert.Equal(200, (await browser.GetAsync("/account/security")).Status);
        Assert.Equal(200, replayed.Status);
        Assert.Contains("not right", replayed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_refused_once_its_own_step_and_the_next_are_over()
    {
        var (account, key, _) = await app.NewAccountWithTwoFactorAsync();

        var code = Totp.Next(app.Clock, key);
        app.Clock.Now += TimeSpan.FromSeconds(60);
        using var late = app.NewBrowser();
        var tooLate = await late.SignInWithCodeAsync(account.Email, account.Password, code);
        using var onTime = app.NewBrowser();
        var fresh = await onTime.SignInWithCodeAsync(account.Email, account.Password, Totp.Code(key, app.Clock.Now));

        Assert.Contains("not right", tooLate.Text, StringComparison.Ordinal);
        Assert.Equal(302, fresh.Status);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_typed_any_way()
    {
        var (account, _, codes) = await app.NewAccountWithTwoFactorAsync();

        using var first = app.NewBrowser();
        var used = await first.SignInWithCodeAsync(account.Email, account.Password, codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        using var second = app.NewBrowser();
        var usedAgain = await second.SignInWithCodeAsync(account.Email, account.Password, codes[0]);
        var overview = await first.GetAsync("/account/security");

        Assert.Equal(302, used.Status);
        Assert.Equal(200, usedAgain.Status);
        Assert.Contains("not right", usedAgain.Text, StringComparison.Ordinal);
        Assert.Contains("You have 9 recovery codes left", overview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_without_the_password_can_neither_turn_two_step_sign_in_on_nor_read_new_recovery_codes()
    {
        var account = await app.NewAccountAsync();
        using var thief = await app.AsAsync(account.Email, account.Password);
        var setup = await thief.GetAsync("/account/two-factor");
        var key = setup.One("#authenticator-key")!.TextContent;

        var turnOn = await thief.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string>
        {
            ["Password"] = "a guess at the passphrase", ["Code"] = Totp.Code(key, app.Clock.Now),
        });
        Assert.Contains("not your password", turnOn.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // With two-step sign-in on (by the owner), the session alone cannot mint recovery codes either.
        var (_, codes) = await thief.EnrolAsync(app, account.Password);
        var renew = await thief.SubmitAsync(await thief.GetAsync("/account/two-factor"), "#new-recovery-codes", new Dictionary<string, string> { ["Password"] = "a guess at the passphrase" });
        Assert.Empty(renew.All("#recovery-codes li"));
        Assert.Contains("not your password", renew.Text, StringComparison.Ordinal);
        using var owner = app.NewBrowser();
        Assert.Equal(302, (await owner.SignInWithCodeAsync(account.Email, account.Password, codes[0])).Status);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_and_turning_off_needs_the_password()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        var (_, oldCodes) = await browser.EnrolAsync(app, account.Password);
        var manage = await browser.GetAsync("/account/two-factor");
        var renewed = await browser.SubmitAsync(manage, "#new-recovery-codes", new Dictionary<string, string> { ["Password"] = account.Password });
        var refused = await browser.SubmitAsync(await browser.GetAsync("/account/two-factor"), "#disable-two-factor", new Dictionary<string, string> { ["Password"] = "not my passphrase at all" });
        var off = await browser.SubmitAsync(await browser.GetAsync("/account/two-factor"), "#disable-two-factor", new Dictionary<string, string> { ["Password"] = account.Password });
        using var later = app.NewBrowser();
        var passwordAlone = await later.TrySignInAsync(account.Email, account.Password);

        var newCodes = renewed.All("#recovery-codes li code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Contains("not your password", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Two-step sign-in is off", off.Text, StringComparison.Ordinal);
        Assert.Equal("/", passwordAlone.RedirectPath());
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            (e.Action == "account.recovery-codes-replaced" || e.Action == "account.two-factor-disabled") && e.Subject == $"user:{account.Email}")));
    }
}

public sealed class TwoFactorOnSqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorOnPostgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
