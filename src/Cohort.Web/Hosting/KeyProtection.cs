using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Cohort.Web.Hosting;

/// <summary>
/// Encrypts the data-protection keys (which sign cookies and reset links) before they are stored in the database,
/// with the certificate in <see cref="CohortWebOptions.KeyCertificate"/>. Someone who reads a database backup then
/// still cannot forge a session without the certificate's private key.
/// </summary>
public static class KeyProtection
{
    private const string Section = CohortWebOptions.Section;

    /// <summary>
    /// Encrypts keys with the configured certificate. A certificate that cannot be loaded is left for the start-up
    /// check (<see cref="Problem"/>) to report, which stops the app before any key is written.
    /// </summary>
    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new CohortWebOptions
        {
            KeyCertificate = configuration[$"{Section}:{nameof(CohortWebOptions.KeyCertificate)}"],
            KeyCertificatePassword = configuration[$"{Section}:{nameof(CohortWebOptions.KeyCertificatePassword)}"],
        };
        if (!string.IsNullOrEmpty(settings.KeyCertificate) && Problem(settings) is null)
        {
            var certificate = Load(settings);
            // Decryption is told the certificate too: on Linux there is no machine store to find it in.
            services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>Why the configured certificate cannot protect keys, or null when it can (or none is configured).</summary>
    public static string? Problem(CohortWebOptions options)
    {
        if (string.IsNullOrEmpty(options.KeyCertificate))
        {
            return null;
        }

        if (!File.Exists(options.KeyCertificate))
        {
            return $"{Section}:KeyCertificate names {options.KeyCertificate}, which does not exist.";
        }

        try
        {
            using var certificate = Load(options);
            using var key = certificate.GetRSAPrivateKey();
            return key is null
                ? $"{Section}:KeyCertificate {options.KeyCertificate} holds no RSA private key; keys are encrypted with one."
                : null;
        }
        catch (CryptographicException e)
        {
            return $"{Section}:KeyCertificate {options.KeyCertificate} cannot be read with {Section}:KeyCertificatePassword: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Section}:KeyCertificate {options.KeyCertificate} cannot be read: {e.Message}";
        }
    }

    private static X509Certificate2 Load(CohortWebOptions options) =>
        X509CertificateLoader.LoadPkcs12FromFile(options.KeyCertificate!, options.KeyCertificatePassword);
}
