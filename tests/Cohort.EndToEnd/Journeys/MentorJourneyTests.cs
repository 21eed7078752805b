using Cohort.Core.Accounts;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// Each demo mentor opens their streams from the menu, reads a stream's applicants, and saves its ranking; a
/// mentor of the coalition stream sees that it is co-mentored and the other mentors' input. At both window sizes.
/// </summary>
public sealed class MentorJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string, string> MentorsAndViewports()
    {
        var data = new TheoryData<string, string>();
        foreach (var mentor in DemoSeason.SeasonAccounts.Where(a => a.Role == Roles.Mentor))
        {
            data.Add(mentor.Email, "desktop");
            data.Add(mentor.Email, "phone");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MentorsAndViewports))]
    public async Task A_demo_mentor_reads_their_streams_and_saves_a_stream_ranking(string mentorEmail, string viewport)
    {
        var mentor = DemoSeason.SeasonAccounts.Single(a => a.Email == mentorEmail);
        await using var journey = await site.StartAsync(Viewport.Named(viewport));
        await journey.SignInAsync(mentor.Email, mentor.Password);
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Your streams", Exact = true }));
        await Expect(journey.Heading("Your streams")).ToBeVisibleAsync();
        if (mentor.Email == DemoSeason.CoalitionMentor.Email)
        {
            await journey.CaptureAsync("30-mentor-streams");
        }

        var streams = journey.Main.Locator(".mentor-streams > li");
        var count = await streams.CountAsync();
        Assert.True(count > 0, $"{mentor.Email} has no stream.");
        for (var i = 0; i < count; i++)
        {
            var item = streams.Nth(i);
            var coalition = await item.Locator(".tag", new() { HasTextString = "coalition" }).CountAsync() > 0;
            var streamName = await item.GetByRole(AriaRole.Link).InnerTextAsync();
            await journey.FollowAsync(item.GetByRole(AriaRole.Link));
            await Expect(journey.Heading(streamName)).ToBeVisibleAsync();
            if (coalition)
            {
                await Expect(journey.Main).ToContainTextAsync("Co-mentored by");
                await journey.CaptureAsync("31-mentor-coalition-stream");
            }

            await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = "Rank the applicants" }));
            await Expect(journey.Page.Locator("#stream-ranking tbody tr").First).ToBeVisibleAsync();
            if (coalition)
            {
                await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "The other mentors' input" })).ToBeVisibleAsync();
                await journey.CaptureAsync("32-mentor-ranking", onPhone: true);
            }

            await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Button, new() { Name = "Save the stream's ranking" }));
            await Expect(journey.Notice).ToBeVisibleAsync();
            await journey.GoAsync("/mentor");
        }

        journey.Finish();
    }
}
