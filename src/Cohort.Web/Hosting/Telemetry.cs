using System.Reflection;
using Cohort.Core.Configuration;
using Cohort.Core.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cohort.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported by OTLP to the collector that <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names;
/// without it nothing of OpenTelemetry is registered at all: no provider, no listener, no exporter, and Cohort's
/// counters and spans cost a check each. The standard <c>OTEL_*</c> variables configure the rest (docs/decisions/telemetry.md).
/// </summary>
public static class Telemetry
{
    public const string DefaultServiceName = "cohort";

    public static WebApplicationBuilder AddCohortTelemetry(this WebApplicationBuilder builder)
    {
        // Checked at start with every other setting; a value the exporter would throw on stops the app with one line.
        builder.Services.AddOptions<OtlpExport>().Configure<IConfiguration>((export, configuration) => export.Read(configuration))
            .ValidateOnStart().Check(OtlpExport.Problems);
        var export = new OtlpExport().Read(builder.Configuration);
        if (!export.Enabled || OtlpExport.Problems(export).Any())
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(DefaultServiceName, serviceVersion: Version)
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)])
                // Detected again after the defaults above, so OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override them.
                .AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                .AddSource(CohortTraces.SourceName)
                .AddSource(MailKit.Telemetry.SmtpClient.ActivitySourceName)
                // Probes poll every few seconds on every instance: their traces would bury the requests of people.
                .AddAspNetCoreInstrumentation(requests =>
                {
                    requests.Filter = context => !context.Request.Path.StartsWithSegments("/healthz");
                    requests.RecordException = true;
                })
                .AddHttpClientInstrumentation()
                // EF Core's spans cover both databases, with the SQL but never its parameter values (which hold answers
                // and addresses). Npgsql's own spans would repeat each of them, so only its metrics are added.
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(CohortMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter());
        return builder;
    }

    private static string? Version =>
        typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
