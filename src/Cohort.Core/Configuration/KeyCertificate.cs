using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Cohort.Core.Configuration;

/// <summary>
/// The certificate in <see cref="CohortWebOptions.KeyCertificate"/>, which encrypts the data-protection keys stored in
/// the database. The web host protects keys with it; the start-up check and `cohort doctor` ask here whether it loads.
/// </summary>
public static class KeyCertificate
{
    private const string Section = CohortWebOptions.Section;

    /// <summary>
    /// The certificate settings alone, read straight from the configuration: keys are protected (and checked) even
    /// when another web setting is wrong, and before the options are built.
    /// </summary>
    public static CohortWebOptions Settings(IConfiguration configuration) => new()
    {
        KeyCertificate = configuration[$"{Section}:{nameof(CohortWebOptions.KeyCertificate)}"],
        KeyCertificatePassword = configuration[$"{Section}:{nameof(CohortWebOptions.KeyCertificatePassword)}"],
    };

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

    /// <summary>Loads the configured certificate; call only when <see cref="Problem"/> found none.</summary>
    public static X509Certificate2 Load(CohortWebOptions options) =>
        X509CertificateLoader.LoadPkcs12FromFile(options.KeyCertificate!, options.KeyCertificatePassword);
}
