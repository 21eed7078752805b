using Cohort.Core.Accounts;
using Cohort.Core.Analytics;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Preferences;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Analytics;

/// <summary>
/// A mentor's numbers: their stream page shows the topics meant for mentors for that stream alone, on the page and in
/// every CSV, and every address of the admin's analytics answers them 404. The seeded match: one seat in the coalition
/// and one in Internals; P applied to both and ranks the coalition first, Q applied to Internals only. The published
/// run places P in the coalition and Q in Internals, so the coalition's numbers are about P and Internals' about Q.
/// </summary>
public abstract class MentorNumbersTests(CohortApp app)
{
    private readonly StreamsStageData data = new(app);

    [Fact]
    public async Task A_mentor_sees_their_streams_numbers_on_the_page_and_in_every_csv_and_nothing_of_another_stream()
    {
        var (internals, q) = await SeedPublishedMatchAsync();
        using var mentor = await app.AsAsync(Roles.Mentor);

        var page = await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}");

        Assert.Equal(200, page.Status);
        var numbers = page.All(".analytics-section");
        Assert.Contains(numbers, section => section.QuerySelector("h2")!.TextContent == "The match");
        Assert.Contains(numbers, section => section.QuerySelector("h2")!.TextContent == "Offers");
        Assert.NotNull(page.One("#match-fill svg title"));
        AssertNothingOf(page.Document.DocumentElement.OuterHtml, internals, q);
        var downloads = page.All(".analytics-section a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(downloads);
        foreach (var href in downloads)
        {
            using var csv = await mentor.Client.GetAsync(href);
            Assert.Equal(200, (int)csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            AssertNothingOf(await csv.Content.ReadAsStringAsync(), internals, q);
        }

        using var fill = await mentor.Client.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}?handler=csv&topic=match&chart=fill");
        Assert.Contains("Control Coalition", await fill.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_of_another_stream_an_unknown_topic_or_chart_or_a_topic_not_for_mentors_is_404()
    {
        using var mentor = await app.AsAsync(Roles.Mentor);
        var topics = await TopicsAsync();
        var adminOnly = topics.Where(t => !t.ForMentors).Select(t => t.Key).DefaultIfEmpty("funnel");

        string[] refused =
        [
            $"/mentor/streams/{StreamsStageData.Internals}?handler=csv&topic=match&chart=fill",
            $"/mentor/streams/{StreamsStageData.Coalition}?handler=csv&topic=nonsense&chart=fill",
            $"/mentor/streams/{StreamsStageData.Coalition}?handler=csv&topic=match&chart=nonsense",
            $"/mentor/streams/{StreamsStageData.Coalition}?handler=csv",
            .. adminOnly.Select(key => $"/mentor/streams/{StreamsStageData.Coalition}?handler=csv&topic={key}&chart=fill"),
        ];

        foreach (var url in refused)
        {
            using var response = await mentor.Client.GetAsync(url);
            Assert.True(404 == (int)response.StatusCode, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_mentor_gets_404_on_every_admin_analytics_address()
    {
        using var mentor = await app.AsAsync(Roles.Mentor);
        var season = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync());
        var stream = await app.WithDbAsync(db => db.Streams.Where(s => s.Slug == StreamsStageData.Coalition).Select(s => s.Id).SingleAsync());
        var urls = new List<string> { "/admin/analytics", "/admin/analytics/nonsense", $"/admin/analytics?season={season}" };
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var topic in scope.ServiceProvider.GetRequiredService<IEnumerable<IAnalyticsTopic>>())
        {
            urls.Add($"/admin/analytics/{topic.Key}");
            urls.Add($"/admin/analytics/{topic.Key}?season={season}&stream={stream}");
            var section = await topic.BuildAsync(new AnalyticsScope(season, null, TimeZoneInfo.Utc), CancellationToken.None);
            urls.AddRange(section.Charts.Select(chart => $"/admin/analytics/{topic.Key}?season={season}&handler=csv&chart={chart.Key}"));
        }

        foreach (var url in urls)
        {
            using var response = await mentor.Client.GetAsync(url);
            Assert.True(404 == (int)response.StatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The topics the app registered, every one the admin page serves (their keys, not their numbers: the scope is gone).</summary>
    private async Task<IReadOnlyList<IAnalyticsTopic>> TopicsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<IEnumerable<IAnalyticsTopic>>().ToList();
    }

    private static void AssertNothingOf(string text, string otherStream, string otherApplicant)
    {
        Assert.DoesNotContain(otherStream, text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherApplicant, text, StringComparison.Ordinal);
    }

    /// <summary>The match of the summary, run and published through the use cases; the name of Internals and Q's name.</summary>
    private async Task<(string Internals, string Q)> SeedPublishedMatchAsync()
    {
        var (p, q) = (await data.NewAsync(), await data.NewAsync());
        var qName = $"Quirina Elsewhere {Guid.NewGuid():N}"[..26];
        var applications = new Dictionary<(string, string), int>
        {
            [(p.Id, StreamsStageData.Coalition)] = await data.ApplyAsync(p, StreamsStageData.Coalition, "Coalition first"),
            [(p.Id, StreamsStageData.Internals)] = await data.ApplyAsync(p, StreamsStageData.Internals, "Internals second"),
            [(q.Id, StreamsStageData.Internals)] = await data.ApplyAsync(q, StreamsStageData.Internals, "Internals only"),
        };
        var internals = await app.WithDbAsync(async db =>
        {
            foreach (var stream in await db.Streams.Where(s => s.Track!.Season!.IsCurrent).ToListAsync())
            {
                stream.Capacity = stream.Slug is StreamsStageData.Coalition or StreamsStageData.Internals ? 1 : 0;
            }

            (await db.Users.SingleAsync(u => u.Id == q.Id)).DisplayName = qName;
            var streams = await db.Streams.Where(s => s.Slug == StreamsStageData.Coalition || s.Slug == StreamsStageData.Internals).ToDictionaryAsync(s => s.Slug);
            var mentor = await db.Users.Where(u => u.Email == DemoSeason.CoalitionMentor.Email).Select(u => u.Id).SingleAsync();
            db.StreamPreferences.AddRange(
                new StreamPreference { StreamId = streams[StreamsStageData.Coalition].Id, StreamApplicationId = applications[(p.Id, StreamsStageData.Coalition)], Position = 1, UpdatedById = mentor },
                new StreamPreference { StreamId = streams[StreamsStageData.Internals].Id, StreamApplicationId = applications[(q.Id, StreamsStageData.Internals)], Position = 1, UpdatedById = mentor },
                new StreamPreference { StreamId = streams[StreamsStageData.Internals].Id, StreamApplicationId = applications[(p.Id, StreamsStageData.Internals)], Position = 2, UpdatedById = mentor });
            db.ApplicantStreamPreferences.AddRange(
                new ApplicantStreamPreference { ApplicantId = p.Id, StreamApplicationId = applications[(p.Id, StreamsStageData.Coalition)], Position = 1 },
                new ApplicantStreamPreference { ApplicantId = p.Id, StreamApplicationId = applications[(p.Id, StreamsStageData.Internals)], Position = 2 },
                new ApplicantStreamPreference { ApplicantId = q.Id, StreamApplicationId = applications[(q.Id, StreamsStageData.Internals)], Position = 1 });
            await db.SaveChangesAsync();
            return streams[StreamsStageData.Internals].Name;
        });

        await using var scope = app.Services.CreateAsyncScope();
        var admin = new Actor("admin-id", "admin@example.net");
        var run = await scope.ServiceProvider.GetRequiredService<RunStreamMatch>().RunAsync(admin, MatchAlgorithm.CandidatesPropose);
        Assert.Equal(2, run!.Matched);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<PublishStreamMatch>().RunAsync(admin, run.Id, app.Clock.GetUtcNow().UtcDateTime.AddDays(3), "https://cohort.test/portal"));
        return (internals, qName);
    }
}

public sealed class MentorNumbersOnSqlite(SqliteApp app) : MentorNumbersTests(app), IClassFixture<SqliteApp>;

public sealed class MentorNumbersOnPostgres(PostgresApp app) : MentorNumbersTests(app), IClassFixture<PostgresApp>;
