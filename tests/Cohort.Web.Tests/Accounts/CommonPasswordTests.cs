using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

/// <summary>Every form that sets a password refuses a common one, with the same explanation.</summary>
public abstract class CommonPasswordTests(CohortApp app)
{
    private const string Refusal = "too easy to guess";

    [Fact]
    public async Task Sign_up_refuses_a_common_password_and_creates_nothing()
    {
        using var browser = app.NewBrowser();
        var email = $"person-{Guid.NewGuid():N}@example.net";
        var page = await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Test Person",
            ["Input.Email"] = email,
            ["Input.Password"] = "Password1234",
            ["Input.ConfirmPassword"] = "Password1234",
        });

        Assert.Contains(Refusal, page.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_password_reset_refuses_a_common_password_and_keeps_the_old_one()
    {
        var account = await app.NewAccountAsync();
        using var browser = app.NewBrowser();
        var page = await app.ResetPasswordAsync(browser, account.Email, "qwertyuiop123");

        Assert.Contains(Refusal, page.Text, StringComparison.Ordinal);
        Assert.Equal(302, (await browser.TrySignInAsync(account.Email, account.Password)).Status);
    }

    [Fact]
    public async Task Changing_to_a_common_password_or_to_ones_own_address_is_refused()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        var ownAddress = account.Email.Split('@')[0] + "2027!";

        var common = await ChangeAsync(browser, account, "sunshine2024!");
        var own = await ChangeAsync(browser, account, ownAddress);

        Assert.Contains(Refusal, common.Text, StringComparison.Ordinal);
        Assert.Contains(Refusal, own.Text, StringComparison.Ordinal);
        using var again = app.NewBrowser();
        Assert.Equal(302, (await again.TrySignInAsync(account.Email, account.Password)).Status);
    }

    private static async Task<Browser.Page> ChangeAsync(Browser browser, TestAccount account, string newPassword) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/password"), "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
}

public sealed class CommonPasswordsOnSqlite(SqliteApp app) : CommonPasswordTests(app), IClassFixture<SqliteApp>;

public sealed class CommonPasswordsOnPostgres(PostgresApp app) : CommonPasswordTests(app), IClassFixture<PostgresApp>;
