using Cohort.Core.Accounts;

namespace Cohort.Core.Tests.Accounts;

public class SignInBackoffTests
{
    [Fact]
    public void Waits_start_after_four_free_failures_double_and_stop_at_eight_minutes()
    {
        var waits = Enumerable.Range(1, 12).Select(SignInBackoff.WaitAfter).Select(w => (int)w.TotalSeconds);

        Assert.Equal([0, 0, 0, 0, 30, 60, 120, 240, 480, 480, 480, 480], waits);
        Assert.Equal(SignInBackoff.LongestWait, SignInBackoff.WaitAfter(int.MaxValue));
    }

    [Theory]
    [InlineData(1, "try again in 1 second.")]
    [InlineData(30, "try again in 30 seconds.")]
    [InlineData(60, "try again in 1 minute.")]
    [InlineData(61, "try again in 2 minutes.")]
    public void The_message_says_when_to_try_again(int secondsLeft, string expected)
    {
        var now = new DateTimeOffset(2027, 1, 20, 12, 0, 0, TimeSpan.Zero);

        Assert.Contains(expected, SignInBackoff.TryAgain(now.AddSeconds(secondsLeft), now), StringComparison.Ordinal);
    }
}
