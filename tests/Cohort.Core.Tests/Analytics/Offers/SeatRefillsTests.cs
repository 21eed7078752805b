using Cohort.Core.Analytics.Offers;

namespace Cohort.Core.Tests.Analytics.Offers;

/// <summary>The refill count on offer rounds worked by hand, one stream at a time; each round dated by when its run was made.</summary>
public class SeatRefillsTests
{
    private static readonly DateTime Round1 = new(2027, 3, 1, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Round2 = Round1.AddDays(7);
    private static readonly DateTime Round3 = Round1.AddDays(14);

    [Fact]
    public void A_seat_declined_before_the_next_round_and_offered_again_in_it_is_refilled()
    {
        // Round 1 makes two offers; one is declined on day 2 and one accepted. Round 2 offers the stream once: the freed seat.
        var offers = new[] { new RoundOffer(1, Round1.AddDays(2)), new RoundOffer(1, null), new RoundOffer(2, null) };

        Assert.Equal(new Refills(Freed: 1, Refilled: 1), SeatRefills.Of(offers, [Round1, Round2]));
    }

    [Fact]
    public void A_later_offer_beyond_the_freed_seats_is_no_refill_and_a_seat_freed_after_a_round_waits_for_the_next()
    {
        // Round 1: two offers, one declined on day 2 (before round 2), one lapsing at day 10 (after round 2, before round 3).
        // Round 2: three offers, on the one freed seat and two seats round 1 left empty: 1 refill. Round 3: one offer on the
        // seat the lapse freed: 1 refill. Freed 2, refilled 2.
        var offers = new[]
        {
            new RoundOffer(1, Round1.AddDays(2)), new RoundOffer(1, Round1.AddDays(10)),
            new RoundOffer(2, null), new RoundOffer(2, null), new RoundOffer(2, null),
            new RoundOffer(3, null),
        };

        Assert.Equal(new Refills(Freed: 2, Refilled: 1), SeatRefills.Of(offers, [Round1, Round2]));
        Assert.Equal(new Refills(Freed: 2, Refilled: 2), SeatRefills.Of(offers, [Round1, Round2, Round3]));
    }

    [Fact]
    public void Seats_freed_with_no_later_round_are_freed_and_not_refilled()
    {
        var offers = new[] { new RoundOffer(1, Round1.AddDays(1)), new RoundOffer(1, Round1.AddDays(3)) };

        Assert.Equal(new Refills(Freed: 2, Refilled: 0), SeatRefills.Of(offers, [Round1]));
    }

    [Fact]
    public void A_seat_declined_at_the_very_moment_the_next_run_reads_the_seats_counts_as_freed_for_it()
    {
        var offers = new[] { new RoundOffer(1, Round2), new RoundOffer(2, null) };

        Assert.Equal(new Refills(Freed: 1, Refilled: 1), SeatRefills.Of(offers, [Round1, Round2]));
    }
}
