using System.Globalization;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Offers;

/// <summary>
/// The offers of a season: how they were answered in each offer round and each stream, how long applicants took to
/// answer, and how many seats a decline or a lapse freed and a later round filled again. An offer round is a published
/// run of the stream match, numbered in the order they were published. With a stream in the scope, only that stream's
/// offers are counted.
/// </summary>
public sealed class OffersAnalytics(CohortDbContext db) : IAnalyticsTopic
{
    public string Key => "offers";
    public string Title => "Offers";
    public bool ByStream => true;
    public bool ForMentors => true;

    private sealed record OfferFacts(int Round, int StreamId, OfferState State, DateTime CreatedAt, DateTime RespondBy, DateTime? RespondedAt)
    {
        /// <summary>When the seat came free: the answer of a decline, the deadline of a lapse (the lapse job marks it just after).</summary>
        public DateTime? FreedAt => State switch
        {
            OfferState.Declined => RespondedAt,
            OfferState.Lapsed => RespondBy,
            _ => null,
        };
    }

    /// <summary>How a group of offers was answered.</summary>
    private sealed record Answers(int Accepted, int Declined, int Lapsed, int Waiting)
    {
        public int Offers => Accepted + Declined + Lapsed + Waiting;

        /// <summary>Accepted among the offers settled (accepted, declined or lapsed): one still waiting says nothing yet.</summary>
        public double? Acceptance => ChartCell.Percent(Accepted, Accepted + Declined + Lapsed);

        public static Answers Of(IEnumerable<OfferFacts> offers)
        {
            var states = offers.Select(o => o.State).ToList();
            return new(states.Count(s => s == OfferState.Accepted), states.Count(s => s == OfferState.Declined), states.Count(s => s == OfferState.Lapsed), states.Count(s => s == OfferState.Pending));
        }
    }

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var rounds = await db.MatchRuns.AsNoTracking().StreamMatches().Where(r => r.SeasonId == scope.SeasonId && r.PublishedAt != null)
            .OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.CreatedAt, PublishedAt = r.PublishedAt!.Value }).ToListAsync(cancellation);
        var roundOf = rounds.Select((r, i) => (r.Id, Round: i + 1)).ToDictionary(r => r.Id, r => r.Round);
        var offers = (await db.Offers.AsNoTracking().Where(o => o.SeasonId == scope.SeasonId && (scope.StreamId == null || o.StreamId == scope.StreamId))
                .Select(o => new { o.RunId, o.StreamId, o.State, o.CreatedAt, o.RespondBy, o.RespondedAt }).ToListAsync(cancellation))
            .Select(o => new OfferFacts(roundOf[o.RunId], o.StreamId, o.State, o.CreatedAt, o.RespondBy, o.RespondedAt)).ToList();
        var streams = await db.Streams.AsNoTracking().Where(s => s.Track!.SeasonId == scope.SeasonId && (scope.StreamId == null || s.Id == scope.StreamId))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Capacity }).ToListAsync(cancellation);

        var byRound = rounds.Select((r, i) => (Label: $"Round {i + 1}", r.PublishedAt, Answers: Answers.Of(offers.Where(o => o.Round == i + 1)))).ToList();
        var byStream = streams.Select(s => (s.Name, s.Capacity, Answers: Answers.Of(offers.Where(o => o.StreamId == s.Id)), Offers: offers.Where(o => o.StreamId == s.Id).ToList()))
            .Where(s => s.Answers.Offers > 0).ToList();
        var ranAt = rounds.Select(r => r.CreatedAt).ToList();
        var refills = byStream.Select(s => (s.Name, Refills: SeatRefills.Of(s.Offers.Select(o => new RoundOffer(o.Round, o.FreedAt)).ToList(), ranAt)))
            .Where(s => s.Refills.Freed > 0).ToList();

        var notes = new[]
        {
            "An offer round is a published run of the match, numbered in the order the runs were published. Acceptance is the share of the offers " +
            "settled (accepted, declined or lapsed) that were accepted; offers still waiting for an answer are shown but not counted in it.",
            "A seat is refilled when an offer of a later round goes to a stream whose seat an earlier offer freed, declined or lapsed before that round's run.",
        };
        return new AnalyticsSection(Key, Title, notes,
        [
            AnswersChart("by-round", "Offers and their answers, round by round",
                byRound.Select(r => (r.Label, r.Answers, (object?)scope.Local(r.PublishedAt))).ToList(), "Round", "Published"),
            AnswersChart("by-stream", "Offers and their answers, stream by stream",
                byStream.Select(s => (s.Name, s.Answers, (object?)s.Capacity)).ToList(), "Stream", "Seats"),
            TimeToAnswer(offers),
            Refilled(refills),
        ]);
    }

    private static Chart AnswersChart(string key, string title, IReadOnlyList<(string Label, Answers Answers, object? Detail)> rows, string category, string detail)
    {
        var all = new Answers(rows.Sum(r => r.Answers.Accepted), rows.Sum(r => r.Answers.Declined), rows.Sum(r => r.Answers.Lapsed), rows.Sum(r => r.Answers.Waiting));
        return new Chart(key, title,
            $"{all.Offers} offers: {all.Accepted} accepted, {all.Declined} declined, {all.Lapsed} lapsed unanswered and {all.Waiting} waiting for an answer" +
            (all.Acceptance is { } share ? $"; {share.ToString(CultureInfo.InvariantCulture)}% of those settled were accepted." : "."),
            new BarFigure(rows.Select(r => r.Label).ToList(),
            [
                new Series("accepted", rows.Select(r => (double)r.Answers.Accepted).ToList()),
                new Series("declined", rows.Select(r => (double)r.Answers.Declined).ToList()),
                new Series("lapsed", rows.Select(r => (double)r.Answers.Lapsed).ToList()),
                new Series("waiting", rows.Select(r => (double)r.Answers.Waiting).ToList()),
            ], "offers", Stacked: true),
            new ChartTable([category, detail, "Offers", "Accepted", "Declined", "Lapsed", "Waiting", "Acceptance (%)"],
                rows.Select(r => Row(r.Label, r.Detail, r.Answers.Offers, r.Answers.Accepted, r.Answers.Declined, r.Answers.Lapsed, r.Answers.Waiting, r.Answers.Acceptance)).ToList()),
            all.Offers == 0 ? "No offers in this season yet." : null);
    }

    private static Chart TimeToAnswer(IReadOnlyList<OfferFacts> offers)
    {
        var answered = offers.Where(o => o.RespondedAt is not null && o.State is OfferState.Accepted or OfferState.Declined).ToList();
        int[] Counts(OfferState state)
        {
            var counts = new int[AnswerTimes.Labels.Count];
            foreach (var offer in answered.Where(o => o.State == state))
            {
                counts[AnswerTimes.Bin(offer.RespondedAt!.Value - offer.CreatedAt)]++;
            }

            return counts;
        }

        var (accepted, declined) = (Counts(OfferState.Accepted), Counts(OfferState.Declined));
        var lapsed = offers.Count(o => o.State == OfferState.Lapsed);
        return new Chart("time-to-answer", "How long applicants took to answer",
            $"{answered.Count} offers answered, counted from the moment the offer was published to the answer; {lapsed} lapsed unanswered and are not drawn.",
            new BarFigure(AnswerTimes.Labels, [new Series("accepted", accepted.Select(c => (double)c).ToList()), new Series("declined", declined.Select(c => (double)c).ToList())], "offers answered"),
            new ChartTable(["Time to answer", "Accepted", "Declined"], AnswerTimes.Labels.Select((label, i) => Row(label, accepted[i], declined[i])).ToList()),
            answered.Count == 0 ? "No offer has been answered yet." : null);
    }

    private static Chart Refilled(IReadOnlyList<(string Name, Refills Refills)> streams) => new("refilled", "Seats freed and refilled in later rounds",
        $"{streams.Sum(s => s.Refills.Freed)} seats freed by a declined or lapsed offer; {streams.Sum(s => s.Refills.Refilled)} of them refilled by a later round.",
        new BarFigure(streams.Select(s => s.Name).ToList(),
            [new Series("seats freed", streams.Select(s => (double)s.Refills.Freed).ToList()), new Series("refilled", streams.Select(s => (double)s.Refills.Refilled).ToList())], "seats"),
        new ChartTable(["Stream", "Seats freed", "Refilled in a later round", "Not refilled"],
            streams.Select(s => Row(s.Name, s.Refills.Freed, s.Refills.Refilled, s.Refills.Freed - s.Refills.Refilled)).ToList()),
        streams.Count == 0 ? "No seat has been freed by a declined or lapsed offer." : null);

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
