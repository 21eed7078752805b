using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Every cookie Cohort sets (sign-in and Identity's other cookies, antiforgery, TempData) is, outside Development,
/// Secure and named with the <c>__Host-</c> prefix: the browser then sends it over TLS only, and accepts it only
/// for this exact host with Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page can plant
/// or overwrite it. Secure is fixed, not copied from the request, so a proxy that ends TLS loses nothing. In
/// Development (`dotnet run` on http://localhost:5000) cookies keep their plain names and follow the request.
/// </summary>
public static class SecureCookies
{
    public const string HostPrefix = "__Host-";

    public static IServiceCollection AddSecureCookies(this IServiceCollection services)
    {
        // PostConfigureAll: after Identity and every other part of the app have named their cookie schemes.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(provider =>
            new PostConfigureOptions<CookieAuthenticationOptions>(name: null, options =>
                Harden(options.Cookie, options.Cookie.Name ?? "cohort.session", provider.GetRequiredService<IHostEnvironment>())));
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((options, environment) =>
        {
            Harden(options.Cookie, "cohort.antiforgery", environment);
            // Antiforgery refuses to issue a token at all on a plain-http request when its own policy is Always. The
            // cookie policy below marks its cookie Secure anyway, and a form still works on plain-http loopback
            // (a local probe; the browser tests on http://127.0.0.1, a secure context to chromium).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IHostEnvironment>((options, environment) =>
            Harden(options.Cookie, "cohort.tempdata", environment));
        // The net under all of them: a cookie added later by any code is still Secure and HttpOnly (no script reads ours).
        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((policy, environment) =>
        {
            policy.HttpOnly = HttpOnlyPolicy.Always;
            policy.MinimumSameSitePolicy = SameSiteMode.Lax;
            policy.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    private static void Harden(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        cookie.HttpOnly = true;
        if (environment.IsDevelopment())
        {
            cookie.Name = name;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            return;
        }

        cookie.Name = name.StartsWith(HostPrefix, StringComparison.Ordinal) ? name : HostPrefix + name.TrimStart('.');
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
