using Cohort.Core.Analytics;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Streams;

/// <summary>Each stream's applications, interviews and offers against its seats, the most oversubscribed first.</summary>
public abstract class StreamsAnalyticsTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected StreamsAnalyticsTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    /// <summary>What the database holds about a stream, counted here on its own rather than through the topic.</summary>
    private sealed record Expected(string Label, int Applications, int Interviews, int Offers, int Accepted, int Seats, bool Coalition);

    [Fact]
    public async Task Each_stream_counts_its_applications_interviews_and_offers_against_its_seats_most_oversubscribed_first()
    {
        var interviewed = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var offered = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        var drafter = await applicants.NewAsync();
        Assert.Null(await applicants.ChooseAsync(drafter, StreamsStageApplicants.Internals));
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var internals = await db.Streams.Where(s => s.Slug == StreamsStageApplicants.Internals).Select(s => s.Id).SingleAsync();
            var now = core.Clock.GetUtcNow().UtcDateTime;
            db.InterviewSlots.Add(new InterviewSlot { StreamId = internals, StartsAt = now.AddDays(3), Minutes = 30, Location = "Call", BookedById = interviewed, BookedAt = now });
            await db.SaveChangesAsync();
            await HeldOffers.PutAsync(db, await db.StreamApplications.Where(a => a.ApplicantId == offered).Select(a => a.Id).SingleAsync(), OfferState.Accepted);
            return 0;
        });
        var season = await applicants.SeasonIdAsync();
        var expected = await core.RunAsync<CohortDbContext, List<Expected>>(async db =>
        {
            var submitted = (await db.StreamApplications.Select(a => new { a.StreamId, a.State, a.SubmittedAt }).ToListAsync())
                .Where(a => Submissions.Were(a.State, a.SubmittedAt)).ToLookup(a => a.StreamId);
            return (await db.Streams.Where(s => s.Track!.SeasonId == season).Select(s => new
                {
                    s.Id, s.Name, s.Capacity, Mentors = s.Mentors.Count,
                    Interviews = db.InterviewSlots.Count(i => i.StreamId == s.Id && i.BookedById != null),
                    Offers = db.Offers.Count(o => o.StreamId == s.Id), Accepted = db.Offers.Count(o => o.StreamId == s.Id && o.State == OfferState.Accepted),
                }).ToListAsync())
                .Select(s => new Expected(s.Mentors > 1 ? $"{s.Name} (coalition)" : s.Name, submitted[s.Id].Count(), s.Interviews, s.Offers, s.Accepted, s.Capacity, s.Mentors > 1))
                .ToList();
        });

        var chart = Assert.Single((await core.SectionAsync("streams", season)).Charts);

        Assert.Equal(expected.Select(e => e.Label).Order(), chart.Table.Rows.Select(r => (string)r[0]!).Order());
        Assert.All(expected, e => Assert.Equal(e, new Expected(e.Label, chart.Cell<int>(e.Label, "applications"), chart.Cell<int>(e.Label, "interviews"),
            chart.Cell<int>(e.Label, "offers"), chart.Cell<int>(e.Label, "accepted"), chart.Cell<int>(e.Label, "seats"), chart.Cell<bool>(e.Label, "coalition"))));
        var perSeat = chart.Table.Rows.Select(r => r[chart.Table.Columns.ToList().IndexOf("applications per seat")] as double? ?? double.MinValue).ToList();
        Assert.Equal(perSeat.OrderDescending(), perSeat);
        Assert.Contains(expected, e => e.Coalition);
        Assert.Contains(expected, e => e.Applications > 0 && e.Interviews > 0 && e.Accepted > 0);
    }

    [Fact]
    public async Task A_stream_scoped_section_has_that_stream_alone()
    {
        await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var season = await applicants.SeasonIdAsync();
        var internals = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        var others = await core.RunAsync<CohortDbContext, List<string>>(db => db.Streams.Where(s => s.Id != internals).Select(s => s.Name).ToListAsync());

        var section = await core.SectionAsync("streams", season, internals);

        var row = Assert.Single(Assert.Single(section.Charts).Table.Rows);
        Assert.Equal("Model Internals (coalition)", row[0]);
        Assert.All(others, name => Assert.DoesNotContain(name, section.Text(), StringComparison.Ordinal));
    }
}

public sealed class StreamsAnalyticsOnSqlite(SqliteCore core) : StreamsAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class StreamsAnalyticsOnPostgres(PostgresCore core) : StreamsAnalyticsTests(core), IClassFixture<PostgresCore>;
