using System.Globalization;
using System.Xml.Linq;
using Cohort.Core.Configuration;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Operations;

/// <summary>
/// The data-protection keys, which sign cookies and reset links: every instance reads them from the database. Checks
/// how many there are, when the newest expires, and that the configured certificate (if any) is the one that
/// encrypts them, since a key the app cannot decrypt signs everyone out.
/// </summary>
internal static class KeyCheck
{
    private const string Where = "in the database (table DataProtectionKeys, shared by every instance)";
    private const string CertificateFix = "set Cohort__KeyCertificate (a PFX with an RSA key) and Cohort__KeyCertificatePassword; keep a copy of the PFX apart from the backups.";

    public static async Task<Finding> RunAsync(CohortDbContext db, CohortWebOptions settings, TimeProvider clock, CancellationToken cancellation)
    {
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellation);
        var keys = stored.Select(xml => xml is null ? null : Key.Parse(xml)).OfType<Key>().OrderByDescending(k => k.Created).ToList();
        if (keys.Count == 0)
        {
            return new Finding(Verdict.Ok, "keys", $"none yet {Where}: the web app makes the first when it starts.");
        }

        var newest = keys[0];
        var now = clock.GetUtcNow();
        var summary = $"{keys.Count} key(s) {Where}; the newest, made {newest.Created:yyyy-MM-dd}, expires {newest.Expires:yyyy-MM-dd}";
        if (KeyCertificate.Problem(settings) is { } certificateProblem)
        {
            return new Finding(Verdict.Problem, "keys", $"{summary}, but the key certificate cannot be used: {certificateProblem}", CertificateFix);
        }

        if (!string.IsNullOrEmpty(settings.KeyCertificate))
        {
            using var certificate = KeyCertificate.Load(settings);
            var configured = Convert.ToBase64String(certificate.RawData);
            if (newest.Certificate is null)
            {
                return new Finding(Verdict.Warning, "keys", $"{summary}; it is stored unencrypted, though {settings.KeyCertificate} is configured (keys made from now on are encrypted).",
                    "none needed: the web app encrypts each new key with the certificate; the unencrypted ones stay readable until they expire.");
            }

            if (newest.Certificate != configured)
            {
                return new Finding(Verdict.Problem, "keys", $"{summary}; it is encrypted with another certificate than {settings.KeyCertificate}, so the web app cannot read it and everyone would be signed out.",
                    "set Cohort__KeyCertificate back to the certificate the keys were made with.");
            }

            return Expiry(newest, now, $"{summary}; encrypted with {certificate.Subject} (thumbprint {certificate.Thumbprint}, valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}).");
        }

        if (newest.Certificate is not null)
        {
            return new Finding(Verdict.Problem, "keys", $"{summary}; it is encrypted with a certificate, but Cohort:KeyCertificate is not set, so the web app cannot read it.",
                CertificateFix);
        }

        var expiry = Expiry(newest, now, $"{summary}; stored unencrypted: whoever reads a database backup can forge a session.");
        return expiry.Verdict == Verdict.Ok ? expiry with { Verdict = Verdict.Warning, Fix = CertificateFix } : expiry;
    }

    private static Finding Expiry(Key newest, DateTimeOffset now, string detail) =>
        newest.Expires <= now
            ? new Finding(Verdict.Warning, "keys", $"{detail} The newest key has expired.",
                "none needed if the web app is running (it makes a new key before the newest expires); start it, then check again.")
            : new Finding(Verdict.Ok, "keys", detail);

    /// <summary>What the check needs from a key's XML: when it was made, when it expires, and the certificate it is encrypted with.</summary>
    private sealed record Key(DateTimeOffset Created, DateTimeOffset Expires, string? Certificate)
    {
        public static Key? Parse(string xml)
        {
            XElement root;
            try
            {
                root = XElement.Parse(xml);
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }

            // Revocations are stored in the same table; only <key> elements are keys.
            if (root.Name.LocalName != "key"
                || !DateTimeOffset.TryParse(root.Element("creationDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                || !DateTimeOffset.TryParse(root.Element("expirationDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            {
                return null;
            }

            var certificate = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "X509Certificate")?.Value.Trim();
            return new Key(created, expires, string.IsNullOrEmpty(certificate) ? null : certificate);
        }
    }
}
