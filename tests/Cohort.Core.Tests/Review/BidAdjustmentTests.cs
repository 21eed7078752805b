using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>Bids move an affinity on its 0–1 scale by fixed steps, and the result stays within [0, 1].</summary>
public class BidAdjustmentTests
{
    // Hand-worked: 0.5 + 0.3 = 0.8; 0.5 + 0.1 = 0.6; 0.5 − 0.3 = 0.2; 0.9 + 0.3 = 1.2 → 1; 0.1 − 0.3 = −0.2 → 0.
    [Theory]
    [InlineData("0.5", BidLevel.Eager, "0.8")]
    [InlineData("0.5", BidLevel.Willing, "0.6")]
    [InlineData("0.5", BidLevel.NotWilling, "0.2")]
    [InlineData("0.9", BidLevel.Eager, "1")]
    [InlineData("0.1", BidLevel.NotWilling, "0")]
    public void A_bid_adds_its_step_within_zero_and_one(string affinity, BidLevel bid, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BidAdjustment.Apply(decimal.Parse(affinity, System.Globalization.CultureInfo.InvariantCulture), bid));

    [Fact]
    public void No_bid_and_a_conflict_leave_the_affinity_as_it_is()
    {
        // A conflict forbids the pair instead: its affinity never reaches the solver.
        Assert.Equal(0.4m, BidAdjustment.Apply(0.4m, null));
        Assert.Equal(0.4m, BidAdjustment.Apply(0.4m, BidLevel.Conflict));
    }
}
