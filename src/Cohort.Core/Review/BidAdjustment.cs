namespace Cohort.Core.Review;

/// <summary>
/// What a bid does to a pair's affinity, on the affinity's 0–1 scale: an eager bid adds <see cref="EagerStep"/>, a
/// willing one <see cref="WillingStep"/>, a not-willing one subtracts <see cref="NotWillingStep"/>, and the sum is
/// clamped to [0, 1]. Steps rather than factors, so a bid moves a pair with no affinity at all (a reviewer eager for
/// an application whose words they do not share). The eager step is the size of three expertise tags found in the
/// answers: enough to win a pair against a reviewer with a little more in common, not enough to outweigh a much better
/// fit. A conflict bid is a declared conflict and forbids the pair, so its affinity never counts: its step is 0.
/// </summary>
public static class BidAdjustment
{
    public const decimal EagerStep = 0.3m;
    public const decimal WillingStep = 0.1m;
    public const decimal NotWillingStep = 0.3m;

    /// <summary>The signed step of <paramref name="bid"/>; 0 for no bid or a conflict.</summary>
    public static decimal Step(BidLevel? bid) => bid switch
    {
        BidLevel.Eager => EagerStep,
        BidLevel.Willing => WillingStep,
        BidLevel.NotWilling => -NotWillingStep,
        _ => 0m,
    };

    /// <summary><paramref name="affinity"/>, on the 0–1 scale, moved by <paramref name="bid"/> and kept within [0, 1].</summary>
    public static decimal Apply(decimal affinity, BidLevel? bid) => Math.Clamp(affinity + Step(bid), 0m, 1m);
}
