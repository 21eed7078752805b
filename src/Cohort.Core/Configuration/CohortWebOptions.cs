using Cohort.Core.Applications;

namespace Cohort.Core.Configuration;

/// <summary>Web-host settings (section "Cohort").</summary>
public class CohortWebOptions
{
    public const string Section = "Cohort";

    /// <summary>
    /// Where people reach Cohort, e.g. <c>https://apply.example.org</c>. Every absolute link in mail, calendar files
    /// and pages is built from it, and only its host is accepted in the Host header. Required; Development defaults to
    /// http://localhost:5000.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Seed the demo season and demo accounts at start. On in Development (appsettings.Development.json); refused
    /// at start in any environment but Development and the tests' own "Testing", since the demo accounts' passwords
    /// are published.
    /// </summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// With the demo season, also seed its activity: 48 fictional applicants, a closed review round, decisions and
    /// stream applications, so there is something to look at. On only in Development; tests start from an empty season.
    /// </summary>
    public bool SeedDemoActivity { get; set; }

    /// <summary>Largest request body accepted, in bytes. Larger requests get 413 before anything reads them.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Largest multipart (file upload) request accepted, in bytes. Well above the 5 MB a CV may have, so a larger
    /// file (a 9 MB scan, say) reaches the form and is refused beside its field with the other answers saved, not
    /// with a 413; only a truly huge body gets the 413 page.
    /// </summary>
    public long MaxUploadRequestBytes { get; set; } = 16 * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// How long a sign-in lasts at most, however active the person is: past it, the next request signs them out.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Admins must have two-step sign-in before any /admin page. Off only in Development (appsettings.Development.json).</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;

    /// <summary>
    /// The reverse proxies (IP addresses, or networks such as 10.0.0.0/8) whose X-Forwarded-For and
    /// X-Forwarded-Proto headers are believed. Unset means this machine only: 127.0.0.1 and ::1.
    /// </summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>A PFX file whose certificate encrypts the data-protection keys stored in the database. Unset: stored unencrypted.</summary>
    public string? KeyCertificate { get; set; }

    /// <summary>The password of <see cref="KeyCertificate"/>, if it has one.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>
    /// Apply pending migrations at start (the default, so `dotnet run` just works). Servers set it false and run
    /// `cohort db migrate` before a new version starts (docs/operations.md); an instance then refuses to start on a
    /// database that lacks a migration of its build, rather than change the schema under the instances still running.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>
    /// Every problem with these settings in the named environment, each naming its key: the web host refuses to start
    /// on any of them, and `cohort doctor` reports them before the host is ever started.
    /// </summary>
    public static IEnumerable<string> Problems(CohortWebOptions options, string environmentName)
    {
        var url = BaseUrl.Parse(options.PublicBaseUrl);
        if (url is null)
        {
            yield return $"{Section}:PublicBaseUrl must be the absolute http or https address people reach Cohort at, " +
                         "e.g. https://apply.example.org (no query, no fragment).";
        }

        // Cookies are Secure outside Development: over plain http a browser would drop them and nobody could sign in.
        // Loopback names are the exception browsers make themselves, and what a health probe or a test uses.
        if (!string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase) && url is { Scheme: "http" } && !url.IsLoopback)
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

        foreach (var (key, value) in new[] { ("PermitsPerMinute", options.RateLimit.PermitsPerMinute), ("UploadsPerHour", options.RateLimit.UploadsPerHour), ("ApiRequestsPerMinute", options.RateLimit.ApiRequestsPerMinute) })
        {
            if (value < 1)
            {
                yield return $"{Section}:RateLimit:{key} must be at least 1; it is {value}.";
            }
        }

        foreach (var proxy in (options.KnownProxies ?? []).Where(p => !ProxyAddress.TryParse(p, out _, out _)))
        {
            yield return $"{Section}:KnownProxies holds '{proxy}', which is neither an IP address nor a network such as 10.0.0.0/8.";
        }

        if (Configuration.KeyCertificate.Problem(options) is { } keyProblem)
        {
            yield return keyProblem;
        }
    }
}

public class RateLimitOptions
{
    /// <summary>Sign-in, sign-up and password-reset attempts allowed per client address per minute.</summary>
    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>File uploads (a CV, a work test) allowed per signed-in person per hour.</summary>
    public int UploadsPerHour { get; set; } = 20;

    /// <summary>Requests to <c>/api/v1</c> allowed per token per minute: ten a second, more than a script needs, less than a runaway loop takes.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;
}
