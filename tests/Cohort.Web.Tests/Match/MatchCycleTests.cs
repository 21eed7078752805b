using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Match;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Preferences;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Match;

/// <summary>
/// The cycle through the pages, on the instance of the Core cycle test: two streams of one seat, C (the coalition)
/// and I (Internals). C ranks P, Q, R; I ranks Q, R, P; P and Q prefer C, R prefers I. Round 1 places P in C and Q
/// in I; P accepts, Q declines; round 2 gives I's freed seat to R, and Q reads in the portal why they were not placed.
/// </summary>
public abstract class MatchCycleTests(CohortApp app)
{
    private const string RankingForm = "#stream-ranking";

    private async Task RankAsync(Browser browser, string url, params int[] order)
    {
        var page = await browser.GetAsync(url);
        var saved = await browser.SubmitAsync(page, RankingForm, PreferenceForms.Ranks(page, RankingForm,
            order.Select((application, i) => (application, i)).ToDictionary(x => x.application, x => (x.i + 1).ToString(CultureInfo.InvariantCulture))));
        Assert.Null(saved.One(".problem[role=alert]"));
    }

    private async Task<Dictionary<string, int?>> RunAndPublishAsync(Browser admin)
    {
        var shown = await admin.SubmitAsync(await admin.GetAsync("/admin/match"), "#run", new Dictionary<string, string> { ["algorithm"] = nameof(MatchAlgorithm.CandidatesPropose) });
        Assert.Contains("Stable", shown.One("#certificate")!.TextContent, StringComparison.Ordinal);
        var respondBy = app.Clock.GetUtcNow().UtcDateTime.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var confirm = await admin.SubmitAsync(shown, "#publish", new Dictionary<string, string> { ["respondBy"] = respondBy });
        var published = await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());
        Assert.Contains("is published", published.One(".notice")!.TextContent, StringComparison.Ordinal);
        var run = await app.WithDbAsync(db => db.MatchRuns.OrderByDescending(r => r.Id).FirstAsync());
        return System.Text.Json.JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!.Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
    }

    private static async Task<Browser.Page> AnswerAsync(Browser applicant, bool accept)
    {
        var portal = await applicant.GetAsync("/portal");
        var confirmation = await applicant.GetAsync(portal.One($"[data-offer] a[href$='answer={(accept ? "accept" : "decline")}']")!.GetAttribute("href")!);
        return await applicant.SubmitAsync(confirmation, accept ? "#confirm-accept form" : "#confirm-decline form", new Dictionary<string, string>());
    }

    [Fact]
    public async Task Rankings_a_certified_match_offers_an_accept_and_a_decline_and_a_second_round_that_fills_the_freed_seat()
    {
        var data = new StreamsStageData(app);
        var (p, q, r) = (await data.NewAsync(), await data.NewAsync(), await data.NewAsync());
        var applications = new Dictionary<(string, string), int>();
        foreach (var person in new[] { p, q, r })
        {
            foreach (var stream in new[] { StreamsStageData.Coalition, StreamsStageData.Internals })
            {
                applications[(person.Id, stream)] = await data.ApplyAsync(person, stream, "Ready for the match");
            }
        }

        var (c, i) = await app.WithDbAsync(async db =>
        {
            foreach (var stream in await db.Streams.ToListAsync())
            {
                stream.Capacity = stream.Slug is StreamsStageData.Coalition or StreamsStageData.Internals ? 1 : 0;
            }

            await db.SaveChangesAsync();
            return (await db.Streams.SingleAsync(s => s.Slug == StreamsStageData.Coalition), await db.Streams.SingleAsync(s => s.Slug == StreamsStageData.Internals));
        });
        int Of(StreamsStageData.Person who, string stream) => applications[(who.Id, stream)];
        using (var coalitionMentor = await app.AsAsync(Roles.Mentor))
        {
            await RankAsync(coalitionMentor, $"/mentor/streams/{c.Slug}/ranking", Of(p, c.Slug), Of(q, c.Slug), Of(r, c.Slug));
        }

        using (var internalsMentor = await data.SignInAsync(await data.NewMentorOfAsync(i.Slug)))
        {
            await RankAsync(internalsMentor, $"/mentor/streams/{i.Slug}/ranking", Of(q, i.Slug), Of(r, i.Slug), Of(p, i.Slug));
        }

        using var pBrowser = await data.SignInAsync(p);
        using var qBrowser = await data.SignInAsync(q);
        using var rBrowser = await data.SignInAsync(r);
        await RankAsync(pBrowser, "/portal/ranking", Of(p, c.Slug), Of(p, i.Slug));
        await RankAsync(qBrowser, "/portal/ranking", Of(q, c.Slug), Of(q, i.Slug));
        await RankAsync(rBrowser, "/portal/ranking", Of(r, i.Slug), Of(r, c.Slug));
        using var admin = await app.AsAsync(Roles.Admin);

        var first = await RunAndPublishAsync(admin);
        var accepted = await AnswerAsync(pBrowser, accept: true);
        var declined = await AnswerAsync(qBrowser, accept: false);
        var second = await RunAndPublishAsync(admin);

        Assert.Equal((c.Id, i.Id, (int?)null), (first[p.Id]!.Value, first[q.Id]!.Value, first[r.Id]));
        Assert.Contains("You accepted", accepted.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You declined", declined.One(".notice")!.TextContent, StringComparison.Ordinal);
        var withdrawn = Of(p, i.Slug);
        Assert.Equal(ApplicationState.Withdrawn, await app.WithDbAsync(db => db.StreamApplications.Where(a => a.Id == withdrawn).Select(a => a.State).SingleAsync()));
        Assert.Equal((i.Id, (int?)null), (second[r.Id]!.Value, second[q.Id]));
        Assert.Contains($"Accept {i.Name}", (await rBrowser.GetAsync("/portal")).One("[data-offer] .actions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(c.Name, (await qBrowser.GetAsync("/portal")).One("#match-explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await pBrowser.GetAsync("/portal")).One("#match-explanation"));
    }
}

public sealed class MatchCycleOnSqlite(SqliteApp app) : MatchCycleTests(app), IClassFixture<SqliteApp>;

public sealed class MatchCycleOnPostgres(PostgresApp app) : MatchCycleTests(app), IClassFixture<PostgresApp>;
