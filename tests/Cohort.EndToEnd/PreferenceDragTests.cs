using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>The preferences' drag-and-drop enhancement in chromium: dragging a row renumbers the ranks, and the plain post saves that order.</summary>
public sealed class PreferenceDragTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task Dragging_the_second_applicant_above_the_first_saves_them_first()
    {
        var stream = await site.App.WithDbAsync(db => db.Streams.SingleAsync(s => s.Slug == "control-coalition"));
        var upper = await StreamsStageApplicants.NewAsync(site.App, "Dragtop Achterberg", stream.Id);
        var lower = await StreamsStageApplicants.NewAsync(site.App, "Dragbottom Sørensen", stream.Id);
        await using var context = await site.NewContextAsync();
        var preferences = await MentorPreferencesPage.OpenAsync(context, stream.Slug);
        await preferences.Rank(upper).FillAsync("1");
        await preferences.Rank(lower).FillAsync("2");
        await preferences.SaveAsync();

        await preferences.Row(lower).DragToAsync(preferences.Row(upper), new() { TargetPosition = new() { X = 20, Y = 2 } });

        await Expect(preferences.Rank(lower)).ToHaveValueAsync("1");
        await Expect(preferences.Rank(upper)).ToHaveValueAsync("2");
        await preferences.SaveAsync();
        var saved = await site.App.WithDbAsync(db => db.StreamPreferences.Where(e => e.StreamId == stream.Id).OrderBy(e => e.Position).Select(e => e.StreamApplicationId).ToListAsync());
        Assert.Equal([lower.Application, upper.Application], saved);
    }
}
