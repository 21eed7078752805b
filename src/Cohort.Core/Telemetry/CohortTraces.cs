using System.Diagnostics;

namespace Cohort.Core.Telemetry;

/// <summary>
/// The activity source of Cohort's own spans, around the use cases worth seeing on their own in a trace: submits,
/// match runs, the score table, outbox batches. With no listener (no collector configured) starting one returns
/// null and costs a check; the database and HTTP spans inside them come from the instrumentations.
/// </summary>
public static class CohortTraces
{
    public const string SourceName = "Cohort";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span named for the use case (its class name), or returns null when nobody records spans.</summary>
    public static Activity? Start(string name) => Source.StartActivity(name);
}
