namespace Cohort.Demo;

/// <summary>A clock stopped at one moment, for running a use case as if it ran then (the demo's past happens through the app's own use cases).</summary>
internal sealed class FixedClock(DateTime at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(at, TimeSpan.Zero);
}
