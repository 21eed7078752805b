using Cohort.Core.Accounts;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

/// <summary>The account forms as a person fills them in, shared by the sign-in and session tests.</summary>
public static class SignInForms
{
    /// <summary>Submits the sign-in form and returns the answer without following it (302 when signed in or sent on to the code step).</summary>
    public static async Task<Browser.Page> TrySignInAsync(this Browser browser, string email, string password) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/sign-in"), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, follow: false);

    /// <summary>The path a redirect points to, whether the app wrote it absolute (the cookie handler does) or relative.</summary>
    public static string? RedirectPath(this Browser.Page page) => page.Response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } absolute => absolute.AbsolutePath,
        var relative => relative.OriginalString.Split('?')[0],
    };

    /// <summary>Signs in with a password then a code (from the app or a recovery code); returns the final answer unfollowed.</summary>
    public static async Task<Browser.Page> SignInWithCodeAsync(this Browser browser, string email, string password, string code)
    {
        var first = await browser.TrySignInAsync(email, password);
        Assert.Equal(302, first.Status);
        Assert.Equal("/account/sign-in/code", first.RedirectPath());
        var step = await browser.GetAsync(first.Response.Headers.Location!.ToString());
        return await browser.SubmitAsync(step, "main form", new Dictionary<string, string> { ["Code"] = code }, follow: false);
    }

    /// <summary>Turns two-step sign-in on for the signed-in <paramref name="browser"/>; returns the key it showed and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(this Browser browser, CohortApp app, string password)
    {
        var setup = await browser.GetAsync("/account/two-factor");
        var key = setup.One("#authenticator-key")!.TextContent;
        var done = await browser.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string> { ["Password"] = password, ["Code"] = Totp.Code(key, app.Clock.Now) });
        var codes = done.All("#recovery-codes li code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>A fresh account that has turned two-step sign-in on (and signed out again).</summary>
    public static async Task<(TestAccount Account, string Key, IReadOnlyList<string> RecoveryCodes)> NewAccountWithTwoFactorAsync(this CohortApp app, string role = Roles.Applicant)
    {
        var account = await app.NewAccountAsync(role);
        using var enrolling = await app.AsAsync(account.Email, account.Password);
        var (key, codes) = await enrolling.EnrolAsync(app, account.Password);
        return (account, key, codes);
    }
}
