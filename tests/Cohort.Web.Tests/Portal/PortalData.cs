using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Preferences;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Portal;

/// <summary>
/// Portal situations put straight into the database, with every window the portal reads set around the app's clock,
/// so the tests depend on no demo date: stage 1 and stage 3 open, ranking open, and an applicant with two submitted
/// stream applications (the coalition and Internals) and a pending offer from Internals.
/// </summary>
public sealed class PortalData(CohortApp app)
{
    public StreamsStageData StreamsStage { get; } = new(app);

    public sealed record Offered(StreamsStageData.Person Applicant, int OfferId, int OfferedApplication, int OtherApplication, string OfferedStream, string OtherStream);

    public DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens stage 1 and every track's stage 3 around now, and sets the ranking deadline ahead.</summary>
    public async Task OpenWindowsAsync()
    {
        await app.WithDbAsync(async db =>
        {
            var form = await db.ApplicationForms.SingleAsync(f => db.Seasons.Any(s => s.Id == f.SeasonId && s.IsCurrent) && f.Kind == FormKind.General);
            (form.OpensAt, form.ClosesAt) = (Now.AddDays(-10), GeneralClosesAt);
            return await db.SaveChangesAsync();
        });
        await OpenStreamsStageAsync();
    }

    /// <summary>Opens every track's streams stage around now, and sets the ranking deadline ahead.</summary>
    public Task OpenStreamsStageAsync() => app.WithDbAsync(async db =>
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        foreach (var track in await db.Tracks.Where(t => t.SeasonId == season.Id).Select(t => t.Id).ToListAsync())
        {
            if (await db.Stages.FirstOrDefaultAsync(s => s.TrackId == track && s.Kind == StageKind.Streams) is { } streams)
            {
                (streams.OpensAt, streams.ClosesAt) = (Now.AddDays(-1), Now.AddDays(7));
            }
        }

        var settings = await db.MatchSettings.SingleOrDefaultAsync(s => s.SeasonId == season.Id);
        if (settings is null)
        {
            db.MatchSettings.Add(settings = new MatchSettings { SeasonId = season.Id });
        }

        settings.RankingDeadline = Now.AddDays(20);
        return await db.SaveChangesAsync();
    });

    /// <summary>The general form's deadline as set by <see cref="OpenWindowsAsync"/>.</summary>
    public DateTime GeneralClosesAt => Now.AddDays(5);

    /// <summary>An applicant advanced to stage 3, with both stream applications submitted and an offer from Internals due <paramref name="respondIn"/> from now.</summary>
    public async Task<Offered> OfferedAsync(TimeSpan respondIn, OfferState state = OfferState.Pending)
    {
        await OpenWindowsAsync();
        var applicant = await StreamsStage.NewAsync();
        var other = await StreamsStage.ApplyAsync(applicant, StreamsStageData.Coalition, "Keen");
        var offered = await StreamsStage.ApplyAsync(applicant, StreamsStageData.Internals, "Keen");
        return await app.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, offered, state);
            var offer = await db.Offers.SingleAsync(o => o.StreamApplicationId == offered);
            offer.RespondBy = Now.Add(respondIn);
            await db.SaveChangesAsync();
            var names = await db.Streams.Where(s => s.Slug == StreamsStageData.Coalition || s.Slug == StreamsStageData.Internals).ToDictionaryAsync(s => s.Slug, s => s.Name);
            return new Offered(applicant, offer.Id, offered, other, names[StreamsStageData.Internals], names[StreamsStageData.Coalition]);
        });
    }

    /// <summary>A confirmed applicant account with no application yet.</summary>
    public async Task<StreamsStageData.Person> NewcomerAsync()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.net";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, StreamsStageData.Password, "Newcomer", Roles.Applicant, Actor.System)).Succeeded);
        var id = await scope.ServiceProvider.GetRequiredService<CohortDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new(id, email);
    }

    /// <summary>Marks overdue offers lapsed, as the next match run does first.</summary>
    public async Task LapseOverdueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var season = await scope.ServiceProvider.GetRequiredService<CohortDbContext>().Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<LapseOverdueOffers>().RunAsync(Actor.System, season);
    }

    public Task<ApplicationState> StateOfAsync(int streamApplication) =>
        app.WithDbAsync(db => db.StreamApplications.Where(a => a.Id == streamApplication).Select(a => a.State).SingleAsync());

    public Task<ApplicationState> GeneralStateOfAsync(StreamsStageData.Person applicant) =>
        app.WithDbAsync(db => db.Applications.Where(a => a.ApplicantId == applicant.Id).Select(a => a.State).SingleAsync());

    public Task<OfferState> OfferStateAsync(int offer) =>
        app.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.State).SingleAsync());

    /// <summary>The portal card of the stream application to <paramref name="stream"/>.</summary>
    public static AngleSharp.Dom.IElement CardOf(Browser.Page portal, string stream) =>
        portal.All("[data-application=stream]").Single(c => c.QuerySelector("h3 a")!.TextContent == stream);

    public static string StateOn(Browser.Page portal, string stream) => CardOf(portal, stream).QuerySelector("[data-state]")!.TextContent;

    public static string NextStepOn(Browser.Page portal, string stream) => CardOf(portal, stream).QuerySelector("[data-next-step]")!.TextContent;

    /// <summary>Answers the offer as a person does: its link on the portal, then the confirmation page's form.</summary>
    public static async Task<Browser.Page> AnswerAsync(Browser browser, bool accept)
    {
        var portal = await browser.GetAsync("/portal");
        var confirmation = await browser.GetAsync(portal.One($"[data-offer] a[href$='answer={(accept ? "accept" : "decline")}']")!.GetAttribute("href")!);
        return await browser.SubmitAsync(confirmation, accept ? "#confirm-accept form" : "#confirm-decline form", new Dictionary<string, string>());
    }
}
