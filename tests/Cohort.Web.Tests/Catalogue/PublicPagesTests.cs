using Cohort.Core.Catalogue;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Catalogue;

/// <summary>Every public page renders, anonymously, with the content stored for the current season.</summary>
public abstract class PublicPagesTests(CohortApp app)
{
    private readonly Browser browser = app.NewBrowser();

    [Fact]
    public async Task Home_shows_the_season_its_tracks_and_upcoming_dates()
    {
        var season = await app.WithDbAsync(db => db.Seasons.Include(s => s.Tracks).SingleAsync(s => s.IsCurrent));
        var page = await browser.GetAsync("/");

        Assert.Equal(200, page.Status);
        Assert.Equal(season.Name, page.One("h1")!.TextContent.Trim());
        Assert.All(season.Tracks, t => Assert.NotNull(page.One($"a[href='/tracks/{t.Slug}']")));
        Assert.NotEmpty(page.All(".timeline li"));
        Assert.NotNull(page.One("main#main"));
        Assert.NotNull(page.One("nav[aria-label='Main']"));
    }

    [Fact]
    public async Task Track_page_shows_methods_audience_and_the_three_stages_with_dates()
    {
        var track = await app.WithDbAsync(db => db.Tracks.Include(t => t.Stages).FirstAsync(t => t.Slug == "empirical"));
        var page = await browser.GetAsync("/tracks/empirical");

        Assert.Equal(200, page.Status);
        Assert.Contains("Methods", page.All("h2").Select(h => h.TextContent));
        Assert.Contains("Who it is for", page.All("h2").Select(h => h.TextContent));
        var stages = page.All("#process ~ ol li h3, section[aria-labelledby=process] li h3").Select(h => h.TextContent).ToList();
        Assert.Equal(track.Stages.OrderBy(s => s.Position).Select((s, i) => $"Stage {i + 1}: {s.Name}"), stages);
        Assert.Equal(3, stages.Count);
        Assert.NotEmpty(page.All("section[aria-labelledby=process] time"));
    }

    [Fact]
    public async Task Stream_list_shows_every_stream_and_filters_by_topic_location_and_mentor()
    {
        var streams = await app.WithDbAsync(db => db.Streams.Include(s => s.Mentors).ThenInclude(m => m.Mentor).ToListAsync());
        var all = await browser.GetAsync("/streams");
        Assert.Equal(streams.Count, all.All("li.card").Count);
        Assert.True(streams.Count >= 8);

        var topic = streams.GroupBy(s => s.Topic).OrderByDescending(g => g.Count()).First();
        var byTopic = await browser.GetAsync($"/streams?topic={Uri.EscapeDataString(topic.Key)}");
        Assert.Equal(topic.Select(s => s.Slug).Order(), byTopic.All("li.card").Select(c => c.GetAttribute("data-stream")!).Order());

        var inPerson = streams.First(s => s.Location == StreamLocation.InPerson);
        var byLocation = await browser.GetAsync($"/streams?location={Uri.EscapeDataString(inPerson.LocationLabel)}");
        Assert.All(byLocation.All("li.card"), c => Assert.Contains(inPerson.City!, c.TextContent, StringComparison.Ordinal));
        Assert.Contains(inPerson.Slug, byLocation.All("li.card").Select(c => c.GetAttribute("data-stream")));

        var mentor = streams.First(s => s.IsCoalition).Mentors[0].Mentor!;
        var byMentor = await browser.GetAsync($"/streams?mentor={mentor.Slug}");
        var expected = streams.Where(s => s.Mentors.Any(m => m.MentorId == mentor.Id)).Select(s => s.Slug).Order();
        Assert.Equal(expected, byMentor.All("li.card").Select(c => c.GetAttribute("data-stream")!).Order());
    }

    [Fact]
    public async Task Coalition_stream_page_lists_every_co_mentor_and_the_three_sections()
    {
        var coalition = await app.WithDbAsync(db => db.Streams.Include(s => s.Mentors).ThenInclude(m => m.Mentor)
            .Where(s => s.Mentors.Count >= 3).FirstAsync());
        var page = await browser.GetAsync($"/streams/{coalition.Slug}");

        Assert.Equal(200, page.Status);
        Assert.Equal(coalition.Name, page.One("h1")!.TextContent.Trim());
        var listed = page.All(".mentor-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(coalition.Mentors.OrderBy(m => m.Position).Select(m => $"/mentors/{m.Mentor!.Slug}"), listed);
        Assert.Contains("every mentor", page.One(".notice")!.TextContent, StringComparison.Ordinal);
        var headings = page.All("h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Mentorship structure", headings);
        Assert.Contains("Desired fellow characteristics", headings);
        Assert.Contains("Project selection", headings);
    }

    [Fact]
    public async Task Mentor_page_shows_the_bio_and_the_streams_they_mentor_but_never_their_email()
    {
        var mentor = await app.WithDbAsync(db => db.Mentors.Include(m => m.Streams).ThenInclude(s => s.Stream).FirstAsync(m => m.Email != null));
        var page = await browser.GetAsync($"/mentors/{mentor.Slug}");

        Assert.Equal(200, page.Status);
        Assert.Equal(mentor.Name, page.One("h1")!.TextContent.Trim());
        Assert.Equal(mentor.Streams.Select(s => s.Stream!.Slug).Order(), page.All("li.card").Select(c => c.GetAttribute("data-stream")!).Order());
        Assert.DoesNotContain(mentor.Email!, page.Document.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Faq_dates_and_eligibility_pages_show_the_season_content()
    {
        var (faq, dates, season) = await app.WithDbAsync(async db =>
            (await db.Faq.CountAsync(), await db.KeyDates.CountAsync(), await db.Seasons.SingleAsync(s => s.IsCurrent)));

        var faqPage = await browser.GetAsync("/faq");
        // The season's entries, then the blind review promise the settings write.
        Assert.Equal(faq + 1, faqPage.All("details.faq").Count);
        Assert.Equal("blind-review", faqPage.All("details.faq").Last().Id);
        Assert.True(faq >= 6);

        var datesPage = await browser.GetAsync("/dates");
        Assert.Equal(dates, datesPage.All(".timeline li").Count);
        Assert.NotNull(datesPage.One("a[href='/dates.ics']"));

        var eligibility = await browser.GetAsync("/eligibility");
        Assert.Contains($"{season.MinimumAge} or older", eligibility.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_dates_download_as_a_calendar_with_one_event_per_date()
    {
        var titles = await app.WithDbAsync(db => db.KeyDates.Select(d => d.Title).ToListAsync());
        var response = await browser.Client.GetAsync("/dates.ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(titles.Count, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task Unknown_stream_and_mentor_are_not_found()
    {
        Assert.Equal(404, (await browser.GetAsync("/streams/no-such-stream")).Status);
        Assert.Equal(404, (await browser.GetAsync("/mentors/no-such-mentor")).Status);
        Assert.Equal(404, (await browser.GetAsync("/tracks/no-such-track")).Status);
    }

    [Fact]
    public async Task Public_stream_api_lists_streams_without_mentor_emails()
    {
        var response = await browser.Client.GetAsync("/api/streams");
        var json = await response.Content.ReadAsStringAsync();
        var count = await app.WithDbAsync(db => db.Streams.CountAsync());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(count, System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength());
        Assert.DoesNotContain("@example", json, StringComparison.Ordinal);
    }
}

public sealed class PublicPagesOnSqlite(SqliteApp app) : PublicPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PublicPagesOnPostgres(PostgresApp app) : PublicPagesTests(app), IClassFixture<PostgresApp>;
