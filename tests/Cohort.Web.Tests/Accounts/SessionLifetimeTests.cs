using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

/// <summary>A session ends 12 hours after sign-in however active it is, and renewing it does not extend that.</summary>
public abstract class SessionLifetimeTests(ProductionSignInApp app)
{
    [Fact]
    public async Task A_busy_session_ends_twelve_hours_after_sign_in()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        var statuses = new List<int>();
        // A request every hour keeps the cookie sliding, and each one rebuilds the principal from the database.
        for (var hour = 1; hour < 12; hour++)
        {
            app.Clock.Now += TimeSpan.FromHours(1);
            statuses.Add((await browser.GetAsync("/account/security")).Status);
        }

        app.Clock.Now += TimeSpan.FromMinutes(59);
        var lastMinute = await browser.GetAsync("/account/security");
        app.Clock.Now += TimeSpan.FromMinutes(1);
        var expired = await browser.GetAsync("/account/security");
        var afterwards = await browser.GetAsync("/account/security");

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(200, lastMinute.Status);
        Assert.Equal("/account/sign-in", expired.RedirectPath());
        Assert.Equal("/account/sign-in", afterwards.RedirectPath());
    }

    [Fact]
    public async Task Signing_out_everywhere_or_changing_the_password_does_not_extend_the_session()
    {
        var account = await app.NewAccountAsync();
        using var browser = await app.AsAsync(account.Email, account.Password);
        app.Clock.Now += TimeSpan.FromHours(6);
        await browser.SubmitAsync(await browser.GetAsync("/account/security"), "#sign-out-everywhere", new Dictionary<string, string>());
        app.Clock.Now += TimeSpan.FromHours(5);
        const string newPassword = "an entirely different passphrase";
        await browser.SubmitAsync(await browser.GetAsync("/account/password"), "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        var stillIn = await browser.GetAsync("/account/security");
        app.Clock.Now += TimeSpan.FromHours(1);
        var expired = await browser.GetAsync("/account/security");

        Assert.Equal(200, stillIn.Status);
        Assert.Equal("/account/sign-in", expired.RedirectPath());
    }
}

public sealed class SessionLifetimeOnSqlite(ProductionSignInSqliteApp app) : SessionLifetimeTests(app), IClassFixture<ProductionSignInSqliteApp>;

public sealed class SessionLifetimeOnPostgres(ProductionSignInPostgresApp app) : SessionLifetimeTests(app), IClassFixture<ProductionSignInPostgresApp>;
