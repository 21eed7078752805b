namespace Cohort.Tests.Shared;

/// <summary>A clock a test moves by hand, to put "now" before, inside or after a deadline.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
