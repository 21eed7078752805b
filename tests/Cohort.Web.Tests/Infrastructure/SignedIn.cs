using Cohort.Demo;

namespace Cohort.Web.Tests.Infrastructure;

public static class SignedIn
{
    /// <summary>A browser signed in as the demo account of <paramref name="role"/>.</summary>
    public static async Task<Browser> AsAsync(this CohortApp app, string role)
    {
        var account = DemoSeason.Accounts.Single(a => a.Role == role);
        return await app.AsAsync(account.Email, account.Password);
    }

    public static async Task<Browser> AsAsync(this CohortApp app, string email, string password)
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in");
        var after = await browser.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, follow: false);
        if (after.Status != 302)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {after.Text.Trim()}");
        }

        return browser;
    }
}
