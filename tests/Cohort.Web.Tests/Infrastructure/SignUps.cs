using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>New applicants the way people become one: the sign-up form, then the confirmation link mailed through the outbox.</summary>
public static partial class SignUps
{
    public const string Password = "a long enough passphrase";

    public static Dictionary<string, string> Fields(string email, string password = Password, string name = "Test Person") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>Submits the sign-up form; the account (if new) waits for its address to be confirmed.</summary>
    public static async Task<Browser.Page> SignUpAsync(this Browser browser, string email, string password = Password, string name = "Test Person") =>
        await browser.SubmitAsync(await browser.GetAsync("/account/sign-up"), "main form", Fields(email, password, name));

    /// <summary>
    /// Signs up, confirms the address with the link from the outbox, and signs in: a browser whose session belongs
    /// to a new applicant.
    /// </summary>
    public static async Task<Browser> SignUpAndConfirmAsync(this CohortApp app, string email, string password = Password, string name = "Test Person")
    {
        var browser = app.NewBrowser();
        await browser.SignUpAsync(email, password, name);
        await app.ConfirmAsync(browser, email);
        var signedIn = await browser.SubmitAsync(await browser.GetAsync("/account/sign-in"), "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, follow: false);
        if (signedIn.Status != 302)
        {
            throw new InvalidOperationException($"Signing in as {email} after confirming failed: {signedIn.Text.Trim()}");
        }

        return browser;
    }

    /// <summary>Opens the confirmation link mailed to <paramref name="email"/> and presses its button; returns the page it leads to.</summary>
    public static async Task<Browser.Page> ConfirmAsync(this CohortApp app, Browser browser, string email)
    {
        var link = await app.MailedLinkAsync(email, "/account/confirm-email");
        return await browser.SubmitAsync(await browser.GetAsync(link.PathAndQuery), "main form", new Dictionary<string, string>());
    }

    /// <summary>The link to <paramref name="path"/> in the latest mail to <paramref name="email"/> still in the outbox.</summary>
    public static async Task<Uri> MailedLinkAsync(this CohortApp app, string email, string path)
    {
        var bodies = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.Body).ToListAsync());
        var link = bodies.SelectMany(body => Link().Matches(body)).Select(m => new Uri(m.Value)).FirstOrDefault(uri => uri.AbsolutePath == path);
        return link ?? throw new InvalidOperationException($"No mail to {email} holds a link to {path}.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
