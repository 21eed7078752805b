using Microsoft.AspNetCore.DataProtection;

namespace Cohort.Web.Hosting;

/// <summary>
/// Encrypts the data-protection keys (which sign cookies and reset links) before they are stored in the database,
/// with the certificate in <see cref="CohortWebOptions.KeyCertificate"/>. Someone who reads a database backup then
/// still cannot forge a session without the certificate's private key.
/// </summary>
public static class KeyProtection
{
    /// <summary>
    /// Encrypts keys with the configured certificate. A certificate that cannot be loaded is left for the start-up
    /// check (<see cref="KeyCertificate.Problem"/>) to report, which stops the app before any key is written.
    /// </summary>
    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = KeyCertificate.Settings(configuration);
        if (!string.IsNullOrEmpty(settings.KeyCertificate) && KeyCertificate.Problem(settings) is null)
        {
            var certificate = KeyCertificate.Load(settings);
            // Decryption is told the certificate too: on Linux there is no machine store to find it in.
            services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }
}
