using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Tells a visitor's request (no session, nothing personal in the answer) from everyone else's, by the cookies it
/// carries, before authentication runs: the public page cache and response compression both ask it. A request with a
/// sign-in cookie counts as signed in even if the cookie turns out to be expired or forged (it then simply misses the
/// cache); one with a TempData cookie has a notice waiting (the layout shows it once), so it too gets a page of its own.
/// </summary>
public sealed class Visitors(IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<CookieTempDataProviderOptions> tempData)
{
    // Read when first needed: the cookie names are settled by post-configuration (SecureCookies' __Host- prefix).
    private readonly Lazy<string[]> personalCookies = new(() =>
    [
        cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name!,
        tempData.Value.Cookie.Name!,
    ]);

    public bool IsVisitor(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 && !personalCookies.Value.Any(request.Cookies.ContainsKey);
}
