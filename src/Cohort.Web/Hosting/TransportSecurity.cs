namespace Cohort.Web.Hosting;

/// <summary>What keeps traffic and stored secrets safe in front of and behind the app: proxies, cookies, HSTS, keys.</summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKnownProxies();
        services.AddSecureCookies();
        // A year, and every subdomain of the public host: browsers then never try plain http to it again.
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddKeyProtection(configuration);
        return services;
    }

    /// <summary>
    /// The first steps of the pipeline: the known proxies' headers (so the scheme is https when TLS ended at the
    /// proxy), then HSTS outside Development (sent on https requests only, and never for localhost names), then the
    /// cookie policy, before anything can set a cookie.
    /// </summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseKnownProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        return app;
    }
}
