using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Tests.Accounts;

/// <summary>A session cookie copied out of a browser, to replay later from a client that keeps no cookies of its own.</summary>
public sealed record SessionCookie(string Header)
{
    /// <summary>Signs in with a browser and copies the session cookie the sign-in set, as an attacker with a stolen cookie would hold it.</summary>
    public static async Task<(Browser Browser, SessionCookie Cookie)> SignInAsync(CohortApp app, string email, string password)
    {
        var browser = app.NewBrowser();
        var after = await browser.SubmitAsync(await browser.GetAsync("/account/sign-in"), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, follow: false);
        Assert.Equal(302, after.Status);
        return (browser, From(app, after.Response));
    }

    /// <summary>The session cookie a response set (the app renames it per environment, so the name is read from its options).</summary>
    public static SessionCookie From(CohortApp app, HttpResponseMessage response)
    {
        var name = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        var set = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToList();
        Assert.Single(set);
        return new SessionCookie(set[0]);
    }

    /// <summary>The status of GET /account/security with only this cookie: 200 while the session is good, 302 to sign-in once it is not.</summary>
    public async Task<int> ReplayAsync(CohortApp app)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/security");
        request.Headers.Add("Cookie", Header);
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
