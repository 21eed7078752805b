using System.Globalization;
using Cohort.Core;
using Cohort.Core.Data;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cohort.EndToEnd.Hosting;

/// <summary>
/// docs/operations.md followed on loopback: the Production publish, a key certificate made with openssl, a PostgreSQL
/// role and database, the env file filled in from deploy/cohort.env.example, `cohort db migrate` through
/// deploy/cohort.sh, two instances started as deploy/cohort@.service starts them, and deploy/nginx/cohort.conf in
/// front, over TLS. Every instance sends its mail to one SMTP sink. Server paths map to a temporary folder.
/// </summary>
public sealed class TwoInstanceDeployment : IAsyncLifetime
{
    public const string Host = "cohort.test";

    private readonly string root = Directory.CreateTempSubdirectory("cohort-deploy-").FullName;
    private readonly string role = $"cohort_deploy_{Guid.NewGuid():N}";
    private readonly List<CohortInstance> instances = [];
    private string server = "";
    private ServiceProvider? services;

    public SmtpSink Mail { get; } = new();

    public IReadOnlyList<CohortInstance> Instances => instances;

    public Nginx Proxy { get; private set; } = null!;

    /// <summary>The folder /opt/cohort stands for: the output of the Production publish.</summary>
    private string Published => Path.Combine(root, "opt", "cohort");

    private string Etc => Path.Combine(root, "etc", "cohort");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Etc);
        // "Build": the publish an operator runs, once per test run.
        await Processes.RunAsync("dotnet", ["publish", Path.Combine(RepositoryRoot.Find(), "src", "Cohort.Web"), "-c", "Release",
            "-p:PublishProfile=Production", "-o", Published, "-nologo", "-v", "quiet"]);

        var example = DeployFiles.Read(DeployFiles.EnvironmentExample);
        var keyPassword = DeployFiles.Variables(example).Single(v => v.Key == "Cohort__KeyCertificatePassword").Value;
        await MakeKeyCertificateAsync(keyPassword);
        var connection = await CreateDatabaseAsync();

        var httpsPort = Nginx.FreePort();
        await File.WriteAllTextAsync(Path.Combine(Etc, "cohort.env"), DeployFiles.FillIn(example, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Cohort"] = connection,
            ["Cohort__PublicBaseUrl"] = $"https://{Host}:{httpsPort}/",
            ["Cohort__KeyCertificate"] = Path.Combine(Etc, "keys.pfx"),
            // The sink is plain SMTP on this machine, with no account.
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Security"] = "None",
            ["Mail__SmtpUser"] = null,
            ["Mail__SmtpPassword"] = null,
        },
        [
            // Test-only: the jobs run every second (the outbox among them), so the test waits seconds, not the defaults' minutes.
            new("Jobs__PollInterval", "00:00:00.250"),
            new("Jobs__Periods__outbox", "00:00:01"),
            new("Jobs__Periods__offers_lapse", "00:00:01"), // "_" for "-": the wrapper's shell reads this file
        ]));

        await CohortAsync(["db", "migrate"]);
        // Test-only: the demo season gives people, an open stage 1 and a few dozen mails waiting in the outbox.
        await CohortAsync(["seed", "demo"], new() { ["DOTNET_ENVIRONMENT"] = "Development" });

        var serverPaths = new Dictionary<string, string>
        {
            ["/opt/cohort"] = Published,
            ["/etc/cohort"] = Etc,
            ["/var/lib/cohort"] = Path.Combine(root, "var", "lib", "cohort"),
        };
        // cohort@5001 and cohort@5002 on a server; free ports here.
        for (var instance = 0; instance < 2; instance++)
        {
            instances.Add(await CohortInstance.StartAsync(Nginx.FreePort(), serverPaths));
        }

        Proxy = await Nginx.StartAsync(Host, [.. instances.Select(i => new Uri($"http://127.0.0.1:{i.Port}"))], httpsPort);
    }

    /// <summary>
    /// deploy/cohort@.service installed for the instance on <paramref name="port"/> (as /etc/systemd/system/cohort@.service
    /// is, instanced by systemctl), its /opt/cohort being the publish; for systemd-analyze, which checks the programs it names.
    /// </summary>
    public string InstalledUnit(int port)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system")).FullName;
        var unit = Path.Combine(folder, $"cohort@{port}.service");
        File.WriteAllText(unit, DeployFiles.Read(DeployFiles.Unit).Replace("/opt/cohort", Published, StringComparison.Ordinal));
        return unit;
    }

    /// <summary>A client of the site through nginx, over https.</summary>
    public HttpClient ThroughNginx() => Proxy.ClientFrom("127.0.0.1", Host);

    /// <summary>Runs <paramref name="work"/> against the deployment's database, as the instances see it.</summary>
    public async Task<T> WithDbAsync<T>(Func<CohortDbContext, Task<T>> work)
    {
        services ??= Services();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CohortDbContext>());
    }

    /// <summary>"Configure": the key certificate, made with the commands of docs/operations.md.</summary>
    private async Task MakeKeyCertificateAsync(string password)
    {
        await Processes.RunAsync("openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-days", "3650", "-subj", "/CN=cohort-keys",
            "-keyout", Path.Combine(Etc, "keys.key"), "-out", Path.Combine(Etc, "keys.crt"));
        await Processes.RunAsync("openssl", "pkcs12", "-export", "-inkey", Path.Combine(Etc, "keys.key"), "-in", Path.Combine(Etc, "keys.crt"),
            "-out", Path.Combine(Etc, "keys.pfx"), "-passout", $"pass:{password}");
    }

    /// <summary>"Database": a role that owns its database, with the SQL of docs/operations.md; the role name is unique to this run.</summary>
    private async Task<string> CreateDatabaseAsync()
    {
        server = Environment.GetEnvironmentVariable("COHORT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("COHORT_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        const string password = "a-role-password";
        await AsPostgresAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'", $"CREATE DATABASE {role} OWNER {role}");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = role, Username = role, Password = password };
        return builder.ConnectionString;
    }

    private async Task AsPostgresAsync(params string[] statements)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The operator's `cohort` (deploy/cohort.sh, as published) with the filled-in env file.</summary>
    private Task<string> CohortAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        environment ??= [];
        environment["COHORT_ENV_FILE"] = Path.Combine(Etc, "cohort.env");
        environment["COHORT_HOME"] = Published;
        return Processes.RunAsync("sh", [Path.Combine(Published, DeployFiles.Wrapper), .. arguments], environment);
    }

    private ServiceProvider Services()
    {
        var settings = DeployFiles.Variables(File.ReadAllText(Path.Combine(Etc, "cohort.env")))
            .Where(v => v.Key.StartsWith("Database__", StringComparison.Ordinal) || v.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddCohortCore(configuration);
        return collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        Proxy?.Dispose();
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await Mail.DisposeAsync();
        if (server.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await AsPostgresAsync($"DROP DATABASE IF EXISTS {role} WITH (FORCE)", $"DROP ROLE IF EXISTS {role}");
        }

        Directory.Delete(root, recursive: true);
    }
}
