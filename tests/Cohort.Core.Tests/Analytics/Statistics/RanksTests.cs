using Cohort.Core.Analytics.Statistics;

namespace Cohort.Core.Tests.Analytics.Statistics;

public sealed class RanksTests
{
    /// <summary>Standard competition ranking ("1224"), worked by hand: 9 is first, the two 7s share second, 4 is fourth.</summary>
    [Fact]
    public void Ties_share_the_best_place_and_the_places_they_take_are_skipped()
    {
        Assert.Equal([2, 1, 4, 2, 5], Ranks.Descending([7, 9, 4, 7, 1]));
        Assert.Empty(Ranks.Descending([]));
    }
}
