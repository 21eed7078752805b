using System.Diagnostics;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// The built app started as an operator starts it (its own process, settings in environment variables): a bad
/// setting stops it before it touches the database, with one line naming the setting and a non-zero exit code.
/// </summary>
public sealed class StartupRefusalTests
{
    private sealed record Exit(int Code, string[] ErrorLines, string Output);

    private static async Task<Exit> StartAsync(string environment, params string[] settings)
    {
        var database = AppProcess.NewDatabasePath();
        var start = AppProcess.Command(environment, database, settings);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app kept running with {string.Join(", ", settings)}: it should have refused to start.");
        }

        Assert.False(File.Exists(database), "The app touched the database before checking its settings.");
        return new(process.ExitCode, (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await output);
    }

    private static void AssertRefusedNaming(Exit exit, string key)
    {
        Assert.NotEqual(0, exit.Code);
        var line = Assert.Single(exit.ErrorLines);
        Assert.StartsWith("Cohort cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_with_the_demo_seed_refuses_and_exits_non_zero()
    {
        var exit = await StartAsync("Production", "Cohort:SeedDemo=true");

        AssertRefusedNaming(exit, "Cohort:SeedDemo");
    }

    [Theory]
    [InlineData("Mail:Security", "Mail:Security=StartTlsPlease")]
    [InlineData("Mail:SmtpPort", "Mail:SmtpPort=twenty-five")]
    [InlineData("Mail:Security", "Mail:SmtpHost=smtp.example.org", "Mail:SmtpUser=cohort", "Mail:SmtpPassword=secret", "Mail:Security=None")]
    [InlineData("Database:Provider", "Database:Provider=Mongo")]
    [InlineData("ConnectionStrings:Cohort", "Database:Provider=Postgres", "ConnectionStrings:Cohort=Hots=127.0.0.1")]
    [InlineData("Cohort:KnownProxies", "Cohort:KnownProxies:0=the-proxy")]
    [InlineData("Cohort:KeyCertificate", "Cohort:KeyCertificate=/nonexistent/keys.pfx")]
    [InlineData("Cohort:PublicBaseUrl", "Cohort:PublicBaseUrl=http://apply.example.org")]
    [InlineData("Cohort:RateLimit:PermitsPerMinute", "Cohort:RateLimit:PermitsPerMinute=0")]
    [InlineData("Cohort:RateLimit:ApiRequestsPerMinute", "Cohort:RateLimit:ApiRequestsPerMinute=0")]
    [InlineData("Cohort:RetainApplicantsForMonths", "Cohort:RetainApplicantsForMonths=0")]
    [InlineData("Cohort:RetainApplicantsForMonths", "Cohort:RetainApplicantsForMonths=two years")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT=collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318", "OTEL_EXPORTER_OTLP_PROTOCOL=http/json")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318", "OTEL_EXPORTER_OTLP_HEADERS=api-key")]
    public async Task A_bad_setting_stops_the_app_with_one_line_naming_it(string key, params string[] settings)
    {
        var exit = await StartAsync("Production", settings);

        AssertRefusedNaming(exit, key);
    }

    [Fact]
    public async Task Told_not_to_migrate_at_start_the_app_refuses_a_database_it_would_have_to_create_and_says_why()
    {
        var exit = await StartAsync("Production", "Cohort:MigrateAtStart=false");

        Assert.NotEqual(0, exit.Code);
        Assert.Contains("Cohort:MigrateAtStart is false", exit.Output + string.Join('\n', exit.ErrorLines), StringComparison.Ordinal);
    }
}
