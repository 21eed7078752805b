using Cohort.Core.Accounts;
using Cohort.Core.Mail;

namespace Cohort.Core.Tests.Mail;

public sealed class MailTimeTests
{
    private static readonly DateTime Afternoon = new(2027, 1, 14, 15, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_time_is_given_in_UTC_and_in_the_recipients_zone() =>
        Assert.Equal("14 January 2027 at 15:30 UTC (21:00 in Asia/Kolkata)", MailTime.Say(Afternoon, "Asia/Kolkata"));

    // Auckland keeps summer time (UTC+13) in January.
    [Fact]
    public void When_the_recipients_day_differs_their_part_names_the_day() =>
        Assert.Equal("Thursday 14 January 2027 at 15:30 UTC (Friday 15 January at 04:30 in Pacific/Auckland)", MailTime.Say(Afternoon, "Pacific/Auckland", weekday: true));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Etc/UTC")]
    [InlineData("Not/AZone")]
    public void Without_a_known_zone_other_than_UTC_the_time_is_in_UTC_alone(string? zone) =>
        Assert.Equal("14 January 2027 at 15:30 UTC", MailTime.Say(Afternoon, zone));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("India Standard Time")]
    public void Only_IANA_names_are_zones(string id) => Assert.Null(TimeZones.Find(id));
}
