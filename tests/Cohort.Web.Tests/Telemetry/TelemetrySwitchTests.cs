using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cohort.Web.Tests.Telemetry;

/// <summary>OpenTelemetry is there only when a collector is named: otherwise not one of its services is registered.</summary>
public sealed class TelemetrySwitchTests
{
    private sealed class RecordingApp(params KeyValuePair<string, string>[] settings) : CohortApp(DatabaseProvider.Sqlite)
    {
        public IReadOnlyList<ServiceDescriptor> Registered { get; private set; } = [];

        protected override bool SeedDemo => false;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => Registered = [.. services]);
        }
    }

    private static bool IsOpenTelemetry(Type? type) => type?.Assembly.GetName().Name?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Without_an_OTLP_endpoint_not_one_OpenTelemetry_service_is_registered()
    {
        await using var app = new RecordingApp();
        await app.InitializeAsync();

        Assert.NotEmpty(app.Registered);
        Assert.DoesNotContain(app.Registered, service => IsOpenTelemetry(service.ServiceType) || IsOpenTelemetry(service.ImplementationType));
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(null, "cohort")]
    [InlineData("cohort-eu", "cohort-eu")]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_are_exported_as_cohort_unless_OTEL_SERVICE_NAME_names_it(string? serviceName, string expected)
    {
        // A port nothing listens on: an export that cannot be delivered is the SDK's to drop, never the app's problem.
        KeyValuePair<string, string>[] settings = serviceName is null
            ? [new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")]
            : [new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), new("OTEL_SERVICE_NAME", serviceName)];
        await using var app = new RecordingApp(settings);
        await app.InitializeAsync();

        var traces = app.Services.GetRequiredService<TracerProvider>();
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Equal(expected, traces.GetResource().Attributes.Single(a => a.Key == "service.name").Value);
    }
}
