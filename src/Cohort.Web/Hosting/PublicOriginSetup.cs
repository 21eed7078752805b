using Microsoft.AspNetCore.HostFiltering;

namespace Cohort.Web.Hosting;

public static class PublicOriginSetup
{
    // Loopback names stay accepted so a health probe or an operator on the machine itself can reach the app
    // directly; they cannot steer a link, since links come from the base URL alone.
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Registers <see cref="PublicOrigin"/> (also as Core's <c>IAppLinks</c>, for mail jobs write), and accepts only its host (the base URL itself is checked with the other settings, in WebSettings).</summary>
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services)
    {
        services.AddOptions<HostFilteringOptions>().Configure<Microsoft.Extensions.Options.IOptions<CohortWebOptions>>((filtering, cohort) =>
        {
            var origin = BaseUrl.Parse(cohort.Value.PublicBaseUrl);
            filtering.AllowedHosts = origin is null ? LoopbackHosts : [origin.Host, .. LoopbackHosts];
            filtering.AllowEmptyHosts = false;
        });
        services.AddSingleton<PublicOrigin>();
        services.AddSingleton<Cohort.Core.Mail.IAppLinks>(provider => provider.GetRequiredService<PublicOrigin>());
        return services;
    }
}
