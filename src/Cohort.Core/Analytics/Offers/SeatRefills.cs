namespace Cohort.Core.Analytics.Offers;

/// <summary>
/// One offer of a stream as the refill count reads it: the offer round it was made in (1 for the first published run),
/// and, when it was declined or lapsed, the moment that freed its seat.
/// </summary>
public sealed record RoundOffer(int Round, DateTime? FreedAt);

/// <summary>A stream's seats freed by declined or lapsed offers, and how many of them a later offer round filled again.</summary>
public sealed record Refills(int Freed, int Refilled);

public static class SeatRefills
{
    /// <summary>
    /// Walks the offer rounds in order: each round from the second on fills, with its offers in the stream, the seats
    /// freed by the time its run read the seats and not refilled yet. An offer of a later round beyond those seats took a
    /// seat no offer had held (one the first round could not fill), so it is no refill.
    /// </summary>
    /// <param name="offers">One stream's offers.</param>
    /// <param name="ranAt">
    /// When each offer round's run was made, round 1 first: the moment it read which seats were free (a seat freed at
    /// that very moment was freed first, since the run saw it).
    /// </param>
    public static Refills Of(IReadOnlyList<RoundOffer> offers, IReadOnlyList<DateTime> ranAt)
    {
        var refilled = 0;
        for (var round = 2; round <= ranAt.Count; round++)
        {
            var start = ranAt[round - 1];
            var freedBefore = offers.Count(o => o.FreedAt <= start);
            var made = offers.Count(o => o.Round == round);
            refilled += Math.Min(made, freedBefore - refilled);
        }

        return new Refills(offers.Count(o => o.FreedAt is not null), refilled);
    }
}
