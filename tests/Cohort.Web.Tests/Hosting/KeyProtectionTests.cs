using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cohort.Core.Accounts;
using Cohort.Core.Configuration;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Cohort.Web.Hosting;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

/// <summary>A PFX with a password, written for one test and deleted after it.</summary>
public sealed class KeyCertificateFile : IDisposable
{
    public const string Password = "a pfx password";

    public KeyCertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cohort key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cohort-keys-{Guid.NewGuid():N}.pfx");

    public void Dispose() => File.Delete(Path);
}

/// <summary>An app whose data-protection keys are encrypted with <paramref name="certificate"/>.</summary>
public sealed class KeyProtectedApp(DatabaseProvider provider, TestDatabase database, KeyCertificateFile certificate) : CohortApp(provider, database)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Cohort:KeyCertificate", certificate.Path),
        new("Cohort:KeyCertificatePassword", KeyCertificateFile.Password),
    ];
}

public abstract class KeyProtectionTests(DatabaseProvider provider)
{
    /// <summary>Starts <paramref name="app"/>, signs the admin in, and returns the cookies the browser keeps.</summary>
    private static async Task<string> AdminSessionAsync(CohortApp app)
    {
        await app.InitializeAsync();
        using var admin = await app.AsAsync(Roles.Admin);
        return string.Join("; ", (await admin.Client.GetAsync("/admin")).RequestMessage!.Headers.GetValues("Cookie"));
    }

    /// <summary>Starts <paramref name="app"/> (a restart over the same database) and opens /admin with an earlier session.</summary>
    private static async Task<HttpResponseMessage> OpenAdminAsync(CohortApp app, string cookie)
    {
        await app.InitializeAsync();
        using var browser = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await browser.Client.SendAsync(request);
    }

    [Fact]
    public async Task Stored_keys_are_encrypted_with_the_certificate_and_a_restarted_app_still_reads_them()
    {
        using var certificate = new KeyCertificateFile();
        await using var database = TestDatabase.Create(provider);
        string cookie;
        List<string> stored;
        await using (var first = new KeyProtectedApp(provider, database, certificate))
        {
            cookie = await AdminSessionAsync(first);
            stored = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        }

        await using var second = new KeyProtectedApp(provider, database, certificate);
        using var response = await OpenAdminAsync(second, cookie);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the clear master key's element
        });
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_replaced_certificate_signs_people_out_and_the_site_keeps_working()
    {
        using var original = new KeyCertificateFile();
        using var replacement = new KeyCertificateFile();
        await using var database = TestDatabase.Create(provider);
        string cookie;
        await using (var first = new KeyProtectedApp(provider, database, original))
        {
            cookie = await AdminSessionAsync(first);
        }

        await using var second = new KeyProtectedApp(provider, database, replacement);
        using var stale = await OpenAdminAsync(second, cookie);

        Assert.Equal(302, (int)stale.StatusCode);
        Assert.Contains("/account/sign-in", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var signedInAgain = await second.AsAsync(Roles.Admin);
        Assert.Equal(200, (int)(await signedInAgain.Client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public void A_certificate_that_cannot_be_opened_with_its_password_is_a_problem_naming_the_setting()
    {
        using var certificate = new KeyCertificateFile();

        var problem = KeyCertificate.Problem(new CohortWebOptions { KeyCertificate = certificate.Path, KeyCertificatePassword = "not the password" });

        Assert.NotNull(problem);
        Assert.StartsWith("Cohort:KeyCertificate ", problem, StringComparison.Ordinal);
        Assert.Null(KeyCertificate.Problem(new CohortWebOptions { KeyCertificate = certificate.Path, KeyCertificatePassword = KeyCertificateFile.Password }));
    }
}

public sealed class KeyProtectionOnSqlite() : KeyProtectionTests(DatabaseProvider.Sqlite);

public sealed class KeyProtectionOnPostgres() : KeyProtectionTests(DatabaseProvider.Postgres);
