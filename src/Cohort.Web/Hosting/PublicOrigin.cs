using Cohort.Core.Mail;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Builds every absolute link Cohort hands out (mail, calendar files, feeds) from the configured
/// <see cref="CohortWebOptions.PublicBaseUrl"/>. Never from the request: a forged Host header must not be able
/// to put an attacker's address into a genuine mail (a reset link that posts its token to them).
/// </summary>
public sealed class PublicOrigin(IOptions<CohortWebOptions> options, LinkGenerator links) : IAppLinks
{
    private readonly Uri baseUrl = BaseUrl.Parse(options.Value.PublicBaseUrl)
        ?? throw new InvalidOperationException($"{CohortWebOptions.Section}:PublicBaseUrl is not set.");

    /// <summary>The host name alone, e.g. for calendar UIDs (<c>uid@host</c>).</summary>
    public string Host => baseUrl.Host;

    /// <summary>The absolute URL of an app path such as <c>/portal</c>, under the base URL's own path if it has one.</summary>
    public string Link(string path) => new Uri(baseUrl, path.TrimStart('/')).ToString();

    /// <summary>The absolute URL of a Razor page with route or query values.</summary>
    public string Page(string page, object? values = null) =>
        Link(links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to the page {page}."));
}
