using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Match;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Portal;

/// <summary>
/// The portal follows the real state after an offer is accepted, declined or lapses: what each application says, which
/// actions it offers, and which the server refuses. Every answer and withdrawal goes through its confirmation.
/// </summary>
public abstract class PortalStandingTests(CohortApp app)
{
    private readonly PortalData data = new(app);

    private static Dictionary<string, string> Fields(params (string Name, object Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => Convert.ToString(f.Value, CultureInfo.InvariantCulture)!);

    [Fact]
    public async Task After_accepting_the_portal_shows_the_place_and_the_withdrawn_stream_and_offers_nothing_more()
    {
        var offered = await data.OfferedAsync(TimeSpan.FromDays(3));
        using var browser = await data.StreamsStage.SignInAsync(offered.Applicant);
        var unapplied = await app.WithDbAsync(db => db.Streams.Where(s => s.Track!.Season!.IsCurrent && s.Slug != StreamsStageData.Coalition && s.Slug != StreamsStageData.Internals)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

        var portal = await PortalData.AnswerAsync(browser, accept: true);
        var choose = await browser.PostAsAsync("/streams/apply?handler=Choose", Fields(("streams", unapplied)));
        var rank = await browser.PostAsAsync("/portal/ranking", Fields(("Ranking[0].StreamApplicationId", offered.OfferedApplication), ("Ranking[0].Position", 1)));
        var withdraw = await browser.FollowAsync((await browser.PostAsAsync("/portal/withdraw", Fields(("confirmed", "true")))).Response, "/portal/withdraw");

        Assert.Contains("You accepted the offer", portal.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"You accepted the offer of {offered.OfferedStream}", portal.One("#closure")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Accepted: you are a fellow", PortalData.StateOn(portal, offered.OfferedStream));
        Assert.Equal("Withdrawn", PortalData.StateOn(portal, offered.OtherStream));
        Assert.Contains($"withdrawn when you accepted {offered.OfferedStream}", PortalData.NextStepOn(portal, offered.OtherStream), StringComparison.Ordinal);
        Assert.DoesNotContain("watch your mail", portal.One(".portal-items")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(portal.One("#apply-streams"));
        Assert.Null(portal.One("#rank-streams"));
        Assert.Null(portal.One("#withdraw"));
        Assert.Null(portal.One("[data-offer] a[href*='answer=']"));
        Assert.Contains("You accepted the offer of", choose.Text, StringComparison.Ordinal);
        Assert.Contains("You accepted the offer of", rank.Text, StringComparison.Ordinal);
        Assert.Contains("You accepted the offer of", withdraw.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.StreamApplications.AnyAsync(a => a.ApplicantId == offered.Applicant.Id && a.StreamId == unapplied)));
        Assert.False(await app.WithDbAsync(db => db.ApplicantStreamPreferences.AnyAsync(r => r.ApplicantId == offered.Applicant.Id)));
        Assert.Equal(ApplicationState.Advanced, await data.GeneralStateOfAsync(offered.Applicant));
        Assert.Equal(ApplicationState.Submitted, await data.StateOfAsync(offered.OfferedApplication));
    }

    [Fact]
    public async Task After_declining_the_portal_says_so_and_the_other_stream_is_still_considered_and_rankable()
    {
        var offered = await data.OfferedAsync(TimeSpan.FromDays(3));
        using var browser = await data.StreamsStage.SignInAsync(offered.Applicant);

        var portal = await PortalData.AnswerAsync(browser, accept: false);

        Assert.Contains("You declined the offer", portal.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Offer declined", PortalData.StateOn(portal, offered.OfferedStream));
        Assert.Equal("Submitted", PortalData.StateOn(portal, offered.OtherStream));
        Assert.Contains("You declined it.", portal.One($"[data-offer='{offered.OfferId}']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(portal.One("[data-offer] a[href*='answer=']"));
        Assert.Null(portal.One("#closure"));
        Assert.NotNull(portal.One("a#rank-streams[href='/portal/ranking']"));
        Assert.NotNull(portal.One("a#withdraw"));
        Assert.Equal(OfferState.Declined, await data.OfferStateAsync(offered.OfferId));
        Assert.Equal(ApplicationState.Submitted, await data.StateOfAsync(offered.OtherApplication));
    }

    [Fact]
    public async Task A_lapsed_offer_is_shown_as_lapsed_before_and_after_the_run_marks_it_and_cannot_be_answered()
    {
        var offered = await data.OfferedAsync(TimeSpan.FromHours(-1));
        using var browser = await data.StreamsStage.SignInAsync(offered.Applicant);

        var overdue = await browser.GetAsync("/portal");
        await data.LapseOverdueAsync();
        var lapsed = await browser.GetAsync("/portal");
        var offerPage = await browser.GetAsync($"/portal/offers/{offered.OfferId}?answer=accept");
        var answered = await browser.FollowAsync((await browser.PostAsAsync($"/portal/offers/{offered.OfferId}", Fields(("accept", "true"), ("confirmed", "true")))).Response, "/portal");

        foreach (var portal in new[] { overdue, lapsed })
        {
            Assert.Equal("Offer lapsed", PortalData.StateOn(portal, offered.OfferedStream));
            Assert.Null(portal.One("[data-offer] a[href*='answer=']"));
            Assert.Contains("lapses", portal.One($"[data-offer='{offered.OfferId}']")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Submitted", PortalData.StateOn(portal, offered.OtherStream));
            Assert.NotNull(portal.One("#rank-streams"));
        }

        Assert.NotNull(offerPage.One("#offer-closed"));
        Assert.Null(offerPage.One("form[method=post]:not([action='/account/sign-out'])"));
        Assert.Contains("This offer lapsed", answered.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OfferState.Lapsed, await data.OfferStateAsync(offered.OfferId));
    }

    [Fact]
    public async Task An_answer_or_a_withdrawal_posted_without_its_confirmation_changes_nothing_and_leads_to_the_confirmation()
    {
        var offered = await data.OfferedAsync(TimeSpan.FromDays(3));
        using var browser = await data.StreamsStage.SignInAsync(offered.Applicant);

        var acceptPage = await browser.GetAsync($"/portal/offers/{offered.OfferId}?answer=accept");
        var accepted = await browser.PostAsAsync($"/portal/offers/{offered.OfferId}", Fields(("accept", "true")));
        var shown = await browser.FollowAsync(accepted.Response, $"/portal/offers/{offered.OfferId}");
        var declined = await browser.PostAsAsync($"/portal/offers/{offered.OfferId}", Fields(("accept", "false")));
        var withdrawn = await browser.PostAsAsync("/portal/withdraw", Fields());
        var streamWithdrawn = await browser.PostAsAsync("/portal/withdraw", Fields(("stream", await StreamIdAsync(StreamsStageData.Coalition))));

        Assert.Contains(offered.OtherStream, acceptPage.One("#confirm-accept")!.TextContent, StringComparison.Ordinal);
        Assert.Null(acceptPage.One("#confirm-decline"));
        Assert.Equal($"/portal/offers/{offered.OfferId}?answer=accept", accepted.Response.Headers.Location!.ToString());
        Assert.Equal($"/portal/offers/{offered.OfferId}?answer=decline", declined.Response.Headers.Location!.ToString());
        Assert.StartsWith("/portal/withdraw", withdrawn.Response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(302, streamWithdrawn.Status);
        Assert.Contains("Nothing was done yet", shown.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.One("#confirm-accept form input[name=confirmed][value=true]"));
        Assert.Equal(OfferState.Pending, await data.OfferStateAsync(offered.OfferId));
        Assert.Equal(ApplicationState.Advanced, await data.GeneralStateOfAsync(offered.Applicant));
        Assert.Equal(ApplicationState.Submitted, await data.StateOfAsync(offered.OtherApplication));
    }

    [Fact]
    public async Task Withdrawing_one_stream_or_the_whole_application_is_confirmed_first_and_the_whole_one_takes_the_streams_with_it()
    {
        var offered = await data.OfferedAsync(TimeSpan.FromDays(3));
        using var browser = await data.StreamsStage.SignInAsync(offered.Applicant);

        var streamPage = await browser.GetAsync($"/portal/withdraw?stream={await StreamIdAsync(StreamsStageData.Coalition)}");
        var afterStream = await browser.SubmitAsync(streamPage, "#confirm-withdraw form", Fields());
        var otherState = await data.StateOfAsync(offered.OtherApplication);
        var wholePage = await browser.OpenAsync(afterStream.One("a#withdraw")!.GetAttribute("href")!);
        var afterWhole = await browser.SubmitAsync(wholePage, "#confirm-withdraw form", Fields());
        var rank = await browser.PostAsAsync("/portal/ranking", Fields(("Ranking[0].StreamApplicationId", offered.OfferedApplication), ("Ranking[0].Position", 1)));

        Assert.Contains(offered.OtherStream, streamPage.One("#confirm-withdraw")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Withdrawn, otherState);
        Assert.Contains(offered.OfferedStream, wholePage.One("#confirm-withdraw")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Withdrawn", afterWhole.One("[data-application=general] [data-state]")!.TextContent);
        Assert.Equal("Withdrawn", PortalData.StateOn(afterWhole, offered.OfferedStream));
        Assert.Contains("You withdrew your application", afterWhole.One("#closure")!.TextContent, StringComparison.Ordinal);
        Assert.Null(afterWhole.One("[data-offer] a[href*='answer=']"));
        Assert.Null(afterWhole.One("#rank-streams"));
        Assert.Contains("You withdrew your application", rank.Text, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Withdrawn, await data.StateOfAsync(offered.OfferedApplication));
        Assert.Equal(OfferState.Pending, await data.OfferStateAsync(offered.OfferId));
    }

    [Fact]
    public async Task A_stream_page_asks_a_visitor_to_create_an_account_and_an_applicant_to_take_their_own_next_step_with_its_deadline()
    {
        await data.OpenWindowsAsync();
        var stream = $"/streams/{StreamsStageData.Internals}";
        var (newcomer, invited) = (await data.NewcomerAsync(), await data.StreamsStage.NewAsync());
        var applied = await data.OfferedAsync(TimeSpan.FromDays(3));
        using var visitorBrowser = app.NewBrowser();
        using var newcomerBrowser = await data.StreamsStage.SignInAsync(newcomer);
        using var invitedBrowser = await data.StreamsStage.SignInAsync(invited);
        using var appliedBrowser = await data.StreamsStage.SignInAsync(applied.Applicant);

        var visitor = await visitorBrowser.GetAsync(stream);
        var list = await visitorBrowser.GetAsync("/streams");
        var first = await newcomerBrowser.GetAsync(stream);
        var toStream = await invitedBrowser.GetAsync(stream);
        var already = await appliedBrowser.GetAsync(stream);

        Assert.NotNull(visitor.One("#apply-cta[data-cta=sign-up] a[href='/account/sign-up']"));
        Assert.Equal(data.GeneralClosesAt.ToString("o"), visitor.One("#apply-cta time")!.GetAttribute("datetime"));
        Assert.NotNull(list.One("#apply-cta[data-cta=sign-up] a[href='/account/sign-up']"));
        Assert.NotNull(first.One("#apply-cta[data-cta=general] a[href='/apply/general']"));
        Assert.Equal(data.GeneralClosesAt.ToString("o"), first.One("#apply-cta time")!.GetAttribute("datetime"));
        Assert.NotNull(toStream.One("#apply-cta[data-cta=stream] a[href='/streams/apply']"));
        Assert.Equal(data.Now.AddDays(7).ToString("o"), toStream.One("#apply-cta time")!.GetAttribute("datetime"));
        Assert.Contains("Offered a place", already.One("#apply-cta[data-cta=applied]")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    private Task<int> StreamIdAsync(string slug) => app.WithDbAsync(db => db.Streams.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());
}

public sealed class PortalStandingOnSqlite(SqliteApp app) : PortalStandingTests(app), IClassFixture<SqliteApp>;

public sealed class PortalStandingOnPostgres(PostgresApp app) : PortalStandingTests(app), IClassFixture<PostgresApp>;
