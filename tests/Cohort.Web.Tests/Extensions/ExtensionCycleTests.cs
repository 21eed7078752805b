using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Pipeline;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Extensions;

/// <summary>An extension round through the pages: the admin makes it, a fellow applies, their mentor endorses, the admin accepts with mail.</summary>
public abstract class ExtensionCycleTests(CohortApp app)
{
    private readonly ExtensionsData data = new(app);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task A_round_made_by_the_admin_is_applied_to_endorsed_and_accepted_with_mail()
    {
        var fellow = await data.FellowAsync();
        var mentor = await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Coalition);
        var otherMentor = await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Internals);
        using var admin = await app.AsAsync(Roles.Admin);
        var name = $"Extension {Guid.NewGuid():N}"[..18];
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var made = await admin.SubmitAsync(await admin.GetAsync("/admin/extensions/new"), "#extension-round", Fields(
            ("Input.Name", name), ("Input.OpensAt", now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm")), ("Input.ClosesAt", now.AddDays(14).ToString("yyyy-MM-ddTHH:mm")),
            ("Input.Seats", "2"), ("Input.Budget", "50000"), ("Input.Currency", "EUR"), ("Input.ExtendsUntil", "2028-01-31")));
        Assert.Contains(name, made.Text, StringComparison.Ordinal);
        var roundId = await app.WithDbAsync(db => db.ExtensionRounds.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
        var question = await admin.SubmitAsync(await admin.GetAsync($"/admin/extensions/{roundId}/questions/new"), "#question", Fields(
            ("Input.Key", "plan"), ("Input.Prompt", "What would you finish?"), ("Input.Kind", nameof(QuestionKind.LongText)), ("Input.Required", "true")));
        Assert.Contains("What would you finish?", question.One("#questions")!.TextContent, StringComparison.Ordinal);

        using var fellowBrowser = await data.StreamsStage.SignInAsync(fellow.Person);
        Assert.NotNull((await fellowBrowser.GetAsync("/portal")).One($"#portal-extensions a[href='/portal/extensions/{roundId}']"));
        var form = await fellowBrowser.GetAsync($"/portal/extensions/{roundId}");
        var incomplete = await fellowBrowser.SubmitAsync(form with { Url = form.Url + "?handler=Submit" }, "#extension-form", Fields(("RequestedAmount", "30000")));
        Assert.Contains("An answer is required", incomplete.One("[data-problem-for=plan]")!.TextContent, StringComparison.Ordinal);
        var draft = await fellowBrowser.SubmitAsync(form with { Url = form.Url + "?handler=Save" }, "#extension-form", Fields(("RequestedAmount", "30000")));
        Assert.Equal("Draft", draft.One("[data-state]")!.TextContent);
        var submitted = await fellowBrowser.SubmitAsync(draft with { Url = form.Url + "?handler=Submit" }, "#extension-form", Fields(("q.plan", "Finish the evaluation suite.")));
        Assert.Equal("Submitted", submitted.One("[data-state]")!.TextContent);
        var applicationId = await app.WithDbAsync(db => db.ExtensionApplications.Where(a => a.RoundId == roundId).Select(a => a.Id).SingleAsync());

        using var stranger = await data.StreamsStage.SignInAsync(otherMentor);
        Assert.Equal(404, (await stranger.GetAsync($"/mentor/extensions/{applicationId}")).Status);
        Assert.Null((await stranger.GetAsync("/mentor/extensions")).One($"[data-application='{applicationId}']"));
        using var mentorBrowser = await data.StreamsStage.SignInAsync(mentor);
        Assert.NotNull((await mentorBrowser.GetAsync("/mentor/extensions")).One($"[data-application='{applicationId}']"));
        var endorsePage = await mentorBrowser.GetAsync($"/mentor/extensions/{applicationId}");
        Assert.Contains("Finish the evaluation suite.", endorsePage.Text, StringComparison.Ordinal);
        var unrated = await mentorBrowser.SubmitAsync(endorsePage, "#endorse", Fields(("Input.Rating", "9"), ("Input.Comment", "Great.")));
        Assert.NotNull(unrated.One("#refusal"));
        var endorsed = await mentorBrowser.SubmitAsync(endorsePage, "#endorse", Fields(("Input.Rating", "5"), ("Input.Comment", "Her suite is nearly done.")));
        Assert.Contains("Her suite is nearly done.", endorsed.One("#endorsements")!.TextContent, StringComparison.Ordinal);

        var roundPage = await admin.GetAsync($"/admin/extensions/{roundId}");
        var decided = await admin.SubmitAsync(roundPage, "#decide", Fields(("ids", $"{applicationId}"), ("decision", nameof(Decision.Advance)),
            ("Mail.Subject", "Your extension, {{name}}"), ("Mail.Body", "{{stage}} accepts you. See {{link}}.")));
        Assert.Contains("Accepted:", decided.Text, StringComparison.Ordinal);
        var (state, endsOn) = await app.WithDbAsync(async db => (
            await db.ExtensionApplications.Where(a => a.Id == applicationId).Select(a => a.State).SingleAsync(),
            await db.Fellowships.Where(f => f.Id == fellow.FellowshipId).Select(f => f.EndsOn).SingleAsync()));
        Assert.Equal(ApplicationState.Advanced, state);
        Assert.Equal(new DateOnly(2028, 1, 31), endsOn);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == fellow.Person.Email && m.Subject.StartsWith("Your extension")));
        Assert.Contains($"{name} accepts you", mail.Body, StringComparison.Ordinal);
        Assert.Equal("Accepted", (await fellowBrowser.GetAsync($"/portal/extensions/{roundId}")).One("[data-state]")!.TextContent);
        Assert.Contains("endorsements are closed", (await mentorBrowser.GetAsync($"/mentor/extensions/{applicationId}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_after_the_deadline_is_refused_with_a_clear_message_and_nothing_written()
    {
        var fellow = await data.FellowAsync();
        var roundId = await data.RoundAsync(seats: 2, budget: 1000, daysLeft: 0.01);
        using var browser = await data.StreamsStage.SignInAsync(fellow.Person);
        var form = await browser.GetAsync($"/portal/extensions/{roundId}");

        var opened = app.Clock.Now;
        app.Clock.Now = opened.AddHours(1);
        try
        {
            var late = await browser.SubmitAsync(form with { Url = form.Url + "?handler=Submit" }, "#extension-form", Fields(("RequestedAmount", "500"), ("q.plan", "Too late.")));

            Assert.Contains("closed on", late.One("#refusal")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("nothing was saved", late.One("#refusal")!.TextContent, StringComparison.Ordinal);
            Assert.False(await app.WithDbAsync(db => db.ExtensionApplications.AnyAsync(a => a.RoundId == roundId)));
        }
        finally
        {
            app.Clock.Now = opened;
        }
    }

    [Fact]
    public async Task A_fellow_of_another_season_or_nobody_cannot_reach_a_round()
    {
        var roundId = await data.RoundAsync(seats: 1, budget: 100);
        var applicant = await data.StreamsStage.NewAsync();
        using var browser = await data.StreamsStage.SignInAsync(applicant);

        Assert.Equal(404, (await browser.GetAsync($"/portal/extensions/{roundId}")).Status);
        Assert.Null((await browser.GetAsync("/portal")).One("#portal-extensions"));
    }

    [Fact]
    public async Task The_optimal_selection_respects_the_seats_and_budget_and_applies_as_acceptances()
    {
        var roundId = await data.RoundAsync(seats: 3, budget: 100);
        var (a, b, c, d, e) = (await data.FellowAsync(), await data.FellowAsync(), await data.FellowAsync(), await data.FellowAsync(), await data.FellowAsync());
        // By hand: 5 (60) + 4 (40) fill the budget at 9; 4 (40) + 3 (30) + 3 (30) also fit, at 10, the best; the unendorsed one never counts.
        var best = await data.ApplicationAsync(roundId, a, 60, 5);
        var second = await data.ApplicationAsync(roundId, b, 40, 4);
        var third = await data.ApplicationAsync(roundId, c, 30, 3);
        var fourth = await data.ApplicationAsync(roundId, d, 30, 3);
        var unendorsed = await data.ApplicationAsync(roundId, e, 10);
        using var admin = await app.AsAsync(Roles.Admin);

        var proposal = await admin.GetAsync($"/admin/extensions/{roundId}?handler=Propose");

        var proposed = proposal.All("tr[data-proposed=true] th").Select(t => t.TextContent).ToList();
        Assert.Equal(3, proposed.Count);
        Assert.Contains("total value 10", proposal.One("#proposal-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("asking 100", proposal.One("#proposal-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, proposal.All("tr[data-proposed]").Count);
        var applied = await admin.SubmitAsync(proposal, "#apply-proposal", Fields(("decision", nameof(Decision.Advance))));
        Assert.Contains("Accepted:", applied.Text, StringComparison.Ordinal);
        var accepted = await app.WithDbAsync(db => db.ExtensionApplications.Where(x => x.RoundId == roundId && x.State == ApplicationState.Advanced).Select(x => x.Id).ToListAsync());
        Assert.Equal([second, third, fourth], accepted.Order());
        Assert.DoesNotContain(best, accepted);
        Assert.DoesNotContain(unendorsed, accepted);
    }
}

public sealed class ExtensionCycleOnSqlite(SqliteApp app) : ExtensionCycleTests(app), IClassFixture<SqliteApp>;

public sealed class ExtensionCycleOnPostgres(PostgresApp app) : ExtensionCycleTests(app), IClassFixture<PostgresApp>;
