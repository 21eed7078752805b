using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that ends TLS, the app sees the proxy's address and plain http. The proxy's
/// X-Forwarded-For and X-Forwarded-Proto restore the client's address (for rate limits and logs) and the https
/// scheme (for HSTS), but only from the proxies listed in <see cref="CohortWebOptions.KnownProxies"/>: from
/// anyone else they are a forgery and ignored.
/// </summary>
public static class Proxies
{
    private static readonly string[] ThisMachine = ["127.0.0.1", "::1"];

    public static IServiceCollection AddKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<CohortWebOptions>>((forwarded, cohort) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in cohort.Value.KnownProxies ?? ThisMachine)
            {
                if (ProxyAddress.TryParse(entry, out var address, out var network))
                {
                    if (address is not null)
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                    else
                    {
                        forwarded.KnownIPNetworks.Add(network!.Value);
                    }
                }
            }

            // No fixed count: each entry of X-Forwarded-For, read from the right, is believed only while the hop
            // that added it is a known proxy, so a chain of listed proxies works and a client's own entry stops it.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>Applies the known proxies' headers. First in the pipeline, so everything after sees the real client.</summary>
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
