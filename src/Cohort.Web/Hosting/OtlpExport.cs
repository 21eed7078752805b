namespace Cohort.Web.Hosting;

/// <summary>
/// The standard OpenTelemetry variables Cohort reads itself: whether to export at all, and the values the exporter
/// would otherwise reject with a stack trace at start. Everything else (per-signal endpoints, timeouts, batch and
/// export intervals) goes to the OpenTelemetry SDK as it is.
/// </summary>
public sealed class OtlpExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string DisabledVariable = "OTEL_SDK_DISABLED";

    private static readonly string[] Protocols = ["grpc", "http/protobuf"];

    public string? Endpoint { get; set; }
    public string? Protocol { get; set; }
    public string? Headers { get; set; }
    public bool Disabled { get; set; }

    /// <summary>Exporting is on when a collector's address is set and the SDK is not switched off.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !Disabled;

    /// <summary>Reads the variables from <paramref name="configuration"/>, which holds the environment's.</summary>
    public OtlpExport Read(IConfiguration configuration)
    {
        Endpoint = configuration[EndpointVariable];
        Protocol = configuration[ProtocolVariable];
        Headers = configuration[HeadersVariable];
        Disabled = string.Equals(configuration[DisabledVariable], "true", StringComparison.OrdinalIgnoreCase);
        return this;
    }

    public static IEnumerable<string> Problems(OtlpExport export)
    {
        if (!export.Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(export.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return $"{EndpointVariable} must be the collector's http:// or https:// address, such as http://127.0.0.1:4317; it is '{export.Endpoint}'.";
        }

        if (!string.IsNullOrEmpty(export.Protocol) && !Protocols.Contains(export.Protocol))
        {
            yield return $"{ProtocolVariable} must be one of {string.Join(", ", Protocols)}; it is '{export.Protocol}'.";
        }

        // The values are secrets (API keys): the message says where the list is wrong, never what it holds.
        var pairs = (export.Headers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var malformed = pairs.Select((pair, index) => (pair, index)).FirstOrDefault(p => p.pair.IndexOf('=', StringComparison.Ordinal) < 1);
        if (malformed.pair is not null)
        {
            yield return $"{HeadersVariable} must be a comma-separated list of name=value pairs (values URL-encoded); its item {malformed.index + 1} has no name=.";
        }
    }
}
