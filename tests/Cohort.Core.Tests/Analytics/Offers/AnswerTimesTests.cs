using Cohort.Core.Analytics.Offers;

namespace Cohort.Core.Tests.Analytics.Offers;

public class AnswerTimesTests
{
    [Theory]
    [InlineData(0, "under 6 hours")]
    [InlineData(5.99, "under 6 hours")]
    [InlineData(6, "6 to 24 hours")]
    [InlineData(24, "1 to 2 days")]
    [InlineData(71, "2 to 3 days")]
    [InlineData(72, "3 to 7 days")]
    [InlineData(24 * 13, "1 to 2 weeks")]
    [InlineData(24 * 30, "2 weeks or more")]
    public void A_time_to_answer_falls_in_the_bin_that_holds_its_lower_bound(double hours, string bin) =>
        Assert.Equal(bin, AnswerTimes.Labels[AnswerTimes.Bin(TimeSpan.FromHours(hours))]);
}
