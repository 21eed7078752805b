using Cohort.Core.Analytics.Funnel;

namespace Cohort.Core.Tests.Analytics.Funnel;

public sealed class FunnelStepTests
{
    private static readonly string[] Steps = ["applied", "interviewed", "offered", "accepted"];

    /// <summary>
    /// Worked by hand. Five people: A accepted (reached all four steps); B was offered and declined (stops at offered,
    /// withdrew); C was interviewed and awaits a decision (stops at interviewed, waiting); D was rejected without an
    /// interview (stops at applied, rejected); E was offered without an interview and holds the offer (stops at offered,
    /// waiting). Reached: applied 5, interviewed 3 (A, B, C), offered 3 (A, B, E), accepted 1. Went on from each step:
    /// applied 5 - 1 (D) = 4, interviewed 3 - 1 (C) = 2, offered 3 - 2 (B, E) = 1, accepted 1 (the last step).
    /// </summary>
    [Fact]
    public void Each_person_counts_at_every_step_reached_and_stops_once_at_the_furthest()
    {
        FunnelPath[] paths =
        [
            new([true, true, true, true], Ending.Waiting),
            new([true, true, true, false], Ending.Withdrew),
            new([true, true, false, false], Ending.Waiting),
            new([true, false, false, false], Ending.Rejected),
            new([true, false, true, false], Ending.Waiting),
        ];

        var steps = FunnelStep.Tally(Steps, paths);

        Assert.Equal(
        [
            new FunnelStep("applied", 5, 4, 0, 0, 1),
            new FunnelStep("interviewed", 3, 2, 1, 0, 0),
            new FunnelStep("offered", 3, 1, 1, 1, 0),
            new FunnelStep("accepted", 1, 1, 0, 0, 0),
        ], steps);
    }

    [Fact]
    public void A_person_who_reached_no_step_is_not_counted()
    {
        var steps = FunnelStep.Tally(Steps, [new FunnelPath([false, false, false, false], Ending.Withdrew)]);

        Assert.All(steps, s => Assert.Equal((0, 0, 0, 0, 0), (s.Reached, s.WentOn, s.Waiting, s.Withdrew, s.Rejected)));
    }
}
