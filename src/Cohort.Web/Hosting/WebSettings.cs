using Cohort.Core.Applications;
using Cohort.Core.Configuration;
using Cohort.Demo;

namespace Cohort.Web.Hosting;

/// <summary>The web host's settings (section "Cohort"), bound and checked at start like every other section.</summary>
public static class WebSettings
{
    private const string Section = CohortWebOptions.Section;

    public static IServiceCollection AddCohortWebSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CohortWebOptions>(configuration.GetSection(Section)).Check<CohortWebOptions, IHostEnvironment>(Problems);
        return services;
    }

    private static IEnumerable<string> Problems(CohortWebOptions options, IHostEnvironment environment)
    {
        if (options.SeedDemo && !DemoSeedPolicy.Allows(environment.EnvironmentName))
        {
            yield return $"{Section}:SeedDemo is true in the {environment.EnvironmentName} environment; the demo accounts' passwords are published, " +
                         $"so the demo is seeded only in Development. Set {Section}:SeedDemo to false.";
        }

        // Cookies are Secure outside Development: over plain http a browser would drop them and nobody could sign in.
        // Loopback names are the exception browsers make themselves, and what a health probe or a test uses.
        if (!environment.IsDevelopment() && PublicOrigin.Parse(options.PublicBaseUrl) is { Scheme: "http" } url && !url.IsLoopback)
        {
            yield return $"{Section}:PublicBaseUrl must be an https address outside Development (cookies are sent over TLS only); it is {options.PublicBaseUrl}.";
        }

        if (options.MaxRequestBytes < 1)
        {
            yield return $"{Section}:MaxRequestBytes must be a positive number of bytes; it is {options.MaxRequestBytes}.";
        }

        if (options.MaxUploadRequestBytes <= StoreUpload.MaxBytes)
        {
            yield return $"{Section}:MaxUploadRequestBytes must be more than {StoreUpload.MaxBytes} bytes, so a CV of the largest size accepted fits; it is {options.MaxUploadRequestBytes}.";
        }

        foreach (var (key, value) in new[] { ("PermitsPerMinute", options.RateLimit.PermitsPerMinute), ("UploadsPerHour", options.RateLimit.UploadsPerHour) })
        {
            if (value < 1)
            {
                yield return $"{Section}:RateLimit:{key} must be at least 1; it is {value}.";
            }
        }

        foreach (var proxy in (options.KnownProxies ?? []).Where(p => !Proxies.TryParse(p, out _, out _)))
        {
            yield return $"{Section}:KnownProxies holds '{proxy}', which is neither an IP address nor a network such as 10.0.0.0/8.";
        }

        if (KeyProtection.Problem(options) is { } keyProblem)
        {
            yield return keyProblem;
        }
    }
}
