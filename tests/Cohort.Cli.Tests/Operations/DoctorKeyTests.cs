using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Tests.Operations;

/// <summary>
/// `cohort doctor` reads the data-protection keys the web app stores: a key encrypted with the configured certificate
/// is ok; the same key with no certificate configured, or another one, is a problem, since the app could not read it.
/// </summary>
public sealed class DoctorKeyTests : IAsyncLifetime
{
    private const string Password = "a pfx password";
    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-doctor-keys-").FullName;

    private string Pfx(string name) => Path.Combine(folder, name);

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "migrate").ExitCode);
        using var certificate = WriteCertificate(Pfx("keys.pfx"));
        WriteCertificate(Pfx("other.pfx")).Dispose();

        // A key as the web app makes it: stored in the database, encrypted with the certificate.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CohortDbContext>(builder => DatabaseRegistration.Configure(builder, database.Provider, database.Connection));
        services.AddDataProtection().PersistKeysToDbContext<CohortDbContext>().ProtectKeysWithCertificate(certificate);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
    }

    private static X509Certificate2 WriteCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cohort doctor test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return certificate;
    }

    private CohortRun Doctor(string? certificate) => Cohort.RunRaw(["doctor"], DatabaseRuns.Environment(database, new Dictionary<string, string?>
    {
        ["Cohort__PublicBaseUrl"] = "https://apply.example.org",
        ["Cohort__KeyCertificate"] = certificate,
        ["Cohort__KeyCertificatePassword"] = certificate is null ? null : Password,
    }));

    [Fact]
    public void A_key_encrypted_with_the_configured_certificate_is_ok()
    {
        var run = Doctor(Pfx("keys.pfx"));

        var line = DoctorTests.Line(run, "keys");
        Assert.StartsWith("ok       keys: 1 key(s) in the database", line, StringComparison.Ordinal);
        Assert.Contains("encrypted with CN=Cohort doctor test", line, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void An_encrypted_key_without_a_configured_certificate_is_a_problem_with_its_fix()
    {
        var run = Doctor(null);

        var line = DoctorTests.Line(run, "keys");
        Assert.StartsWith("problem  keys:", line, StringComparison.Ordinal);
        Assert.Contains("Cohort:KeyCertificate is not set", line, StringComparison.Ordinal);
        Assert.Contains("Fix: set Cohort__KeyCertificate", line, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void An_encrypted_key_with_another_certificate_configured_is_a_problem()
    {
        var run = Doctor(Pfx("other.pfx"));

        Assert.Contains("encrypted with another certificate", DoctorTests.Line(run, "keys"), StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
