using Cohort.Core.Analytics.Arrivals;

namespace Cohort.Core.Tests.Analytics.Arrivals;

public sealed class CumulativeArrivalsTests
{
    /// <summary>
    /// Worked by hand over 1 to 4 March: one arrival on 28 February (before the first day: it has arrived by the end of
    /// 1 March), two on 1 March (one at 00:00, one at 23:59), none on 2 March, one on 3 March, one on 5 March (after the
    /// last day: never counted). By the end of each day: 1 March 3, 2 March 3, 3 March 4, 4 March 4.
    /// </summary>
    [Fact]
    public void Counts_what_arrived_by_the_end_of_each_day()
    {
        DateTime[] times =
        [
            new(2027, 3, 3, 8, 0, 0), new(2027, 2, 28, 12, 0, 0), new(2027, 3, 1, 0, 0, 0), new(2027, 3, 1, 23, 59, 0), new(2027, 3, 5, 9, 0, 0),
        ];

        var counts = CumulativeArrivals.ByDay(times, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 4));

        Assert.Equal([3, 3, 4, 4], counts);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_has_no_days()
    {
        Assert.Empty(CumulativeArrivals.ByDay([new DateTime(2027, 3, 1)], new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 1)));
    }
}
