using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Telemetry;

/// <summary>The built app in Production, as an operator runs it, with OTEL_EXPORTER_OTLP_ENDPOINT naming a stand-in collector.</summary>
public sealed class ExportingApp : IAsyncLifetime
{
    public OtlpReceiver Collector { get; private set; } = null!;
    public AppProcess App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        // The standard variables, as an operator sets them; short intervals so the test need not wait a minute for metrics.
        App = await AppProcess.StartAsync("Production",
            $"OTEL_EXPORTER_OTLP_ENDPOINT={Collector.Endpoint}",
            "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "OTEL_METRIC_EXPORT_INTERVAL=500",
            "OTEL_BSP_SCHEDULE_DELAY=200");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Collector.DisposeAsync();
    }
}

public sealed class OtlpExportTests(ExportingApp exporting) : IClassFixture<ExportingApp>
{
    private OtlpReceiver Collector => exporting.Collector;

    private static string NewTraceId() => ActivityTraceId.CreateRandom().ToHexString();

    /// <summary>A request that continues the caller's trace <paramref name="traceId"/>, as one behind a traced proxy does.</summary>
    private static HttpRequestMessage Traced(HttpMethod method, string path, string traceId)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    /// <summary>Signs in with an address that has no account, through the real form (its cookies are Secure: carried by hand over loopback http).</summary>
    private async Task SignInWithUnknownAddressAsync(string traceId)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = exporting.App.Address };
        using var form = await client.GetAsync("/account/sign-in");
        var token = new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = Traced(HttpMethod.Post, "/account/sign-in", traceId);
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0])));
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.net",
            ["Input.Password"] = "a long enough passphrase",
        });
        using var refused = await client.SendAsync(post);
        Assert.Equal(200, (int)refused.StatusCode);
    }

    [Fact]
    public async Task A_request_arrives_at_the_collector_as_a_server_span_with_its_database_spans_in_the_same_trace()
    {
        var traceId = NewTraceId();
        using var client = new HttpClient { BaseAddress = exporting.App.Address };

        using var home = await client.SendAsync(Traced(HttpMethod.Get, "/", traceId));
        await Collector.WaitUntilAsync(c => c.Spans.Any(s => s.TraceId == traceId && s.Kind == OtlpSpan.Server)
                                             && c.Spans.Any(s => s.TraceId == traceId && s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)),
            "the home page's request and database spans");

        var request = Collector.Spans.Single(s => s.TraceId == traceId && s.Kind == OtlpSpan.Server);
        var query = Collector.Spans.First(s => s.TraceId == traceId && s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Equal(200, (int)home.StatusCode);
        Assert.Contains("SELECT", query.Attributes.GetValueOrDefault("db.statement") as string, StringComparison.Ordinal);
        Assert.Equal("/", request.Attributes["url.path"]);
        Assert.Equal(200L, request.Attributes["http.response.status_code"]);
        Assert.Equal("cohort", request.Resource["service.name"]);
        Assert.Equal("Production", request.Resource["deployment.environment.name"]);
    }

    [Fact]
    public async Task Cohort_s_counters_arrive_at_the_collector_beside_ASP_NET_Core_s_and_the_runtime_s_metrics()
    {
        await SignInWithUnknownAddressAsync(NewTraceId());

        await Collector.WaitUntilAsync(c => c.Points.Any(p => p.Metric == "cohort.sign_ins" && p.Value >= 1
                                                             && Equals(p.Attributes.GetValueOrDefault("cohort.sign_in.outcome"), "unknown_account")),
            "the count of sign-ins with an unknown address");

        var signIns = Collector.Points.First(p => p.Metric == "cohort.sign_ins");
        Assert.Equal("Cohort", signIns.Scope);
        Assert.Equal("cohort", signIns.Resource["service.name"]);
        Assert.Contains(Collector.Points, p => p.Metric == "http.server.request.duration");
        Assert.Contains(Collector.Points, p => p.Metric.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_logs_are_json_lines_and_an_entry_written_in_a_request_carries_its_trace_id()
    {
        var traceId = NewTraceId();

        await SignInWithUnknownAddressAsync(traceId);
        var line = await exporting.App.WaitForLineAsync(line => line.Contains(traceId, StringComparison.Ordinal));

        Assert.All(exporting.App.Output.Where(l => l.Length > 0), l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
        var entry = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Cohort.Security", entry.GetProperty("Category").GetString());
        Assert.Equal("Warning", entry.GetProperty("LogLevel").GetString());
        Assert.EndsWith("Z", entry.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        Assert.Contains(entry.GetProperty("Scopes").EnumerateArray(),
            scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }
}
