using Cohort.Core.Match;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Match;

/// <summary>The portal and an offer's deadline: answerable until it, and after it neither shown as answerable nor accepted.</summary>
public abstract class OfferDeadlineTests(CohortApp app)
{
    [Fact]
    public async Task After_the_deadline_the_portal_says_the_offer_lapses_and_a_posted_answer_changes_nothing()
    {
        var data = new StreamsStageData(app);
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Internals, "Waiting to answer");
        var offerId = await app.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, application, OfferState.Pending);
            var offer = await db.Offers.SingleAsync(o => o.StreamApplicationId == application);
            offer.RespondBy = app.Clock.GetUtcNow().UtcDateTime.AddDays(1);
            await db.SaveChangesAsync();
            return offer.Id;
        });
        using var browser = await data.SignInAsync(applicant);

        var before = await browser.GetAsync("/portal");
        var confirmation = await browser.GetAsync($"/portal/offers/{offerId}?answer=accept");
        app.Clock.Now = app.Clock.Now.AddDays(2);
        var after = await browser.GetAsync("/portal");
        var answered = await browser.SubmitAsync(confirmation, "#confirm-accept form", new Dictionary<string, string>());

        Assert.NotNull(before.One($"[data-offer='{offerId}'] a[href$='answer=accept']"));
        Assert.Null(after.One($"[data-offer='{offerId}'] a[href*='answer=']"));
        Assert.Contains("the offer lapses", after.One($"[data-offer='{offerId}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("deadline to answer this offer passed", answered.Text, StringComparison.Ordinal);
        Assert.Equal(OfferState.Pending, await app.WithDbAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.State).SingleAsync()));
    }
}

public sealed class OfferDeadlineOnSqlite(SqliteApp app) : OfferDeadlineTests(app), IClassFixture<SqliteApp>;

public sealed class OfferDeadlineOnPostgres(PostgresApp app) : OfferDeadlineTests(app), IClassFixture<PostgresApp>;
