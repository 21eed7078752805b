using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cohort.Web.Tests.Telemetry;

public sealed record OtlpSpan(string TraceId, string Name, int Kind, string Scope, IReadOnlyDictionary<string, object?> Attributes, IReadOnlyDictionary<string, object?> Resource)
{
    public const int Server = 2;
}

public sealed record OtlpPoint(string Metric, string Scope, IReadOnlyDictionary<string, object?> Attributes, long? Value, IReadOnlyDictionary<string, object?> Resource);

/// <summary>
/// A stand-in OpenTelemetry collector: OTLP over HTTP with protobuf bodies, POST /v1/traces and /v1/metrics, on a
/// loopback port. It keeps every span and every metric data point it receives, decoded by the OTLP schema's field numbers.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication server;
    private readonly ConcurrentQueue<OtlpSpan> spans = new();
    private readonly ConcurrentQueue<OtlpPoint> points = new();

    private OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server = builder.Build();
        // The answer to an export is an empty Export*ServiceResponse: nothing rejected.
        server.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            ReadSpans(await ReadAsync(request));
            return Results.Bytes([], "application/x-protobuf");
        });
        server.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            ReadPoints(await ReadAsync(request));
            return Results.Bytes([], "application/x-protobuf");
        });
    }

    /// <summary>The collector's address, for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint => server.Urls.Single();

    public IReadOnlyList<OtlpSpan> Spans => [.. spans];

    public IReadOnlyList<OtlpPoint> Points => [.. points];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        await receiver.server.StartAsync();
        return receiver;
    }

    /// <summary>Waits until what was received satisfies <paramref name="arrived"/>; exports come every fraction of a second.</summary>
    public async Task WaitUntilAsync(Func<OtlpReceiver, bool> arrived, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!arrived(this))
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"The collector never received {what}. Spans: {string.Join(", ", Spans.Select(s => s.Name).Distinct())}. Metrics: {string.Join(", ", Points.Select(p => p.Metric).Distinct())}.");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        var source = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await source.CopyToAsync(body);
        return body.ToArray();
    }

    // Both exports nest alike: 1 resource_spans|resource_metrics { 1 resource, 2 scope_spans|scope_metrics { 1 scope { 1 name }, 2 spans|metrics } }.
    private static IEnumerable<(Dictionary<string, object?> Resource, string Scope, ProtoMessage Item)> Items(byte[] body) =>
        from resourceItems in ProtoMessage.Parse(body).Messages(1)
        let resource = Attributes(resourceItems.Message(1), 1)
        from scopeItems in resourceItems.Messages(2)
        let scope = scopeItems.Message(1)?.Text(1) ?? ""
        from item in scopeItems.Messages(2)
        select (resource, scope, item);

    // Span: 1 trace_id, 5 name, 6 kind, 9 attributes.
    private void ReadSpans(byte[] body)
    {
        foreach (var (resource, scope, span) in Items(body))
        {
            spans.Enqueue(new(Convert.ToHexStringLower(span.Bytes(1)!), span.Text(5)!, (int)(span.Number(6) ?? 0), scope, Attributes(span, 9), resource));
        }
    }

    // Metric: 1 name, 7 sum { 1 data_points: 6 as_int, 7 attributes }, 9 histogram { 1 data_points: 9 attributes }.
    private void ReadPoints(byte[] body)
    {
        foreach (var (resource, scope, metric) in Items(body))
        {
            foreach (var point in metric.Message(7)?.Messages(1) ?? [])
            {
                points.Enqueue(new(metric.Text(1)!, scope, Attributes(point, 7), (long?)point.Number(6), resource));
            }

            foreach (var point in metric.Message(9)?.Messages(1) ?? [])
            {
                points.Enqueue(new(metric.Text(1)!, scope, Attributes(point, 9), null, resource));
            }
        }
    }

    // KeyValue: 1 key, 2 value (AnyValue: 1 string, 2 bool, 3 int).
    private static Dictionary<string, object?> Attributes(ProtoMessage? owner, int field) =>
        (owner?.Messages(field) ?? []).ToDictionary(
            pair => pair.Text(1)!,
            pair => pair.Message(2) is { } value ? value.Text(1) ?? (object?)(long?)value.Number(3) ?? (value.Number(2) is { } flag ? flag != 0 : null) : null);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}
