using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cohort.Core.Telemetry;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Telemetry;

/// <summary>
/// What Cohort's counters of one app count while this listens, as a collector would see them. Apps of other tests in
/// the same process have meters of the same name: the app's own meter factory tells its meter apart.
/// </summary>
public sealed class CohortCounters : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> counted = new();

    public CohortCounters(CohortApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, me) =>
        {
            if (instrument.Meter.Name == CohortMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                me.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => counted.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();
    }

    /// <summary>The total that <paramref name="instrument"/> counted with every one of <paramref name="tags"/>.</summary>
    public long Total(string instrument, params (string Key, string Value)[] tags) =>
        counted.Where(c => c.Instrument == instrument && tags.All(t => c.Tags.Contains(new(t.Key, t.Value)))).Sum(c => c.Value);

    public void Dispose() => listener.Dispose();
}
