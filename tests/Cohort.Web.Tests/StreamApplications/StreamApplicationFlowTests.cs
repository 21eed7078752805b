using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.StreamApplications;

/// <summary>Stage 3 clicked through while it is open: choose, answer, submit, book an interview, hand in a work test.</summary>
public abstract class StreamApplicationFlowTests
{
    private const string Script = "<script>alert('x')</script>";
    private readonly CohortApp app;
    private readonly StreamsStageData data;

    protected StreamApplicationFlowTests(CohortApp app)
    {
        this.app = app;
        data = new StreamsStageData(app);
        app.Clock.Now = new DateTimeOffset(Now);
    }

    /// <summary>Two days into the demo's stage 3 (it opened on D-3); the slot and the work test fall after it.</summary>
    private static readonly DateTime Now = CohortApp.Demo.At(2, 12);
    private static readonly DateTime SlotStarts = CohortApp.Demo.At(10, 16, 30);
    private static readonly DateTime WorkTestDue = CohortApp.Demo.At(7, 18);

    private static string Shown(DateTime at) => at.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string Typed(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Submits a form as its button <paramref name="button"/> would: to the button's own formaction.</summary>
    private static Task<Browser.Page> PressAsync(Browser browser, Browser.Page page, string button, Dictionary<string, string> values)
    {
        var pressed = page.One(button) ?? throw new InvalidOperationException($"No button '{button}' on {page.Url}");
        var form = pressed.Closest("form")!;
        form.SetAttribute("action", pressed.GetAttribute("formaction")!);
        if (pressed.GetAttribute("name") is { } name)
        {
            values[name] = pressed.GetAttribute("value")!;
        }

        return browser.SubmitAsync(page, "form#" + form.Id, values);
    }

    private async Task<int> StreamIdAsync(string slug) => await app.WithDbAsync(db => db.Streams.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task An_applicant_chooses_answers_and_submits_and_posted_states_are_ignored()
    {
        var applicant = await data.NewAsync();
        using var browser = await data.SignInAsync(applicant);
        var coalition = (await StreamIdAsync(StreamsStageData.Coalition)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var chosen = await browser.SubmitAsync(await browser.GetAsync("/streams/apply"), "form#choose-streams", new Dictionary<string, string> { ["streams"] = coalition });
        // A draft is finished on the stream applications page; the stream's follow-ups page is for submitted ones.
        Assert.Equal("/streams/apply", (await browser.GetAsync("/portal")).One("[data-application=stream] h3 a")!.GetAttribute("href"));

        var submitButton = $"[data-stream={StreamsStageData.Coalition}] button[value='{coalition}']";
        var incomplete = await PressAsync(browser, chosen, submitButton, new Dictionary<string, string>
        {
            ["q.surprising-result"] = Script, ["q.weekly-hours"] = "20 to 30", ["State"] = "Advanced", ["SubmittedAt"] = "2020-01-01",
        });
        var submitted = await PressAsync(browser, incomplete, submitButton, new Dictionary<string, string>
        {
            ["q.protocol-attack"] = "Hide the change in a refactor.",
        });

        Assert.Contains("An answer is required.", incomplete.One("[data-question=protocol-attack] .problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("was submitted", submitted.Text, StringComparison.Ordinal);
        var application = await app.WithDbAsync(db => db.StreamApplications.AsNoTracking().SingleAsync(a => a.ApplicantId == applicant.Id));
        Assert.Equal(ApplicationState.Submitted, application.State);
        Assert.Equal(Now, application.SubmittedAt);
        Assert.Equal(Script, submitted.One($"[data-stream={StreamsStageData.Coalition}] textarea[name='q.surprising-result']")!.TextContent);
        Assert.Empty(submitted.All("main script"));
        Assert.Equal($"/streams/apply/{StreamsStageData.Coalition}", (await browser.GetAsync("/portal")).One("[data-application=stream] h3 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_mentor_publishes_a_slot_and_an_applicant_books_it_and_hands_in_the_work_test()
    {
        var applicant = await data.NewAsync();
        await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Ready for the interview");
        using var mentor = await app.AsAsync(Core.Accounts.Roles.Mentor);
        var streamPage = await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}");
        await mentor.SubmitAsync(streamPage, "form#publish-slot", new Dictionary<string, string>
        {
            ["Slot.StartsAt"] = Typed(SlotStarts), ["Slot.Minutes"] = "30", ["Slot.Location"] = "Video call " + Script,
        });
        using var browser = await data.SignInAsync(applicant);
        var followUps = await browser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}");
        var slot = followUps.All("#book-interview input[name=slot]").Single(i => i.ParentElement!.TextContent.Contains("16:30", StringComparison.Ordinal)).GetAttribute("value")!;

        var booked = await browser.SubmitAsync(followUps, "form#book-interview", new Dictionary<string, string> { ["slot"] = slot });
        var handedIn = await browser.SubmitAsync(booked, "form#work-test", new Dictionary<string, string> { ["url"] = "https://example.org/my-monitor" });

        Assert.Contains(Shown(SlotStarts), booked.One("#booking")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Script, booked.One("#booking")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://example.org/my-monitor", handedIn.One("#work-test-submission")!.TextContent, StringComparison.Ordinal);
        var applications = await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}");
        Assert.Contains("handed in", applications.One("#applicants")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Posts the work-test form with a PDF, as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<Browser.Page> HandInPdfAsync(Browser browser, Browser.Page page, byte[] pdf, string url = "")
    {
        var form = page.One("form#work-test")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(url), "url" },
            { new ByteArrayContent(pdf), "pdf", "my-work.pdf" },
        };
        return await browser.FollowAsync(await browser.Client.PostAsync(form.GetAttribute("action"), content), page.Url);
    }

    [Fact]
    public async Task A_work_test_takes_a_pdf_or_a_link_until_the_deadline_the_mentor_set()
    {
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Ready for the work test");
        using var mentor = await app.AsAsync(Core.Accounts.Roles.Mentor);
        await mentor.SubmitAsync(await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}"), "form#work-test", new Dictionary<string, string>
        {
            ["WorkTest.Instructions"] = "Build a **monitor**.", ["WorkTest.DueAt"] = Typed(WorkTestDue),
        });
        using var browser = await data.SignInAsync(applicant);
        var followUps = await browser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}");
        var pdf = "%PDF-1.7\nmy work\n%%EOF\n"u8.ToArray();

        var both = await HandInPdfAsync(browser, followUps, pdf, "https://example.org/both");
        var handedIn = await HandInPdfAsync(browser, followUps, pdf);
        var view = await mentor.GetAsync($"/mentor/applications/{application}");
        using var download = await mentor.Client.GetAsync(view.One("#work-test a")!.GetAttribute("href"));
        var firstFile = await app.WithDbAsync(db => db.WorkTestSubmissions.Where(s => s.ApplicantId == applicant.Id).Select(s => s.FileId).SingleAsync());
        var replaced = await browser.SubmitAsync(handedIn, "form#work-test", new Dictionary<string, string> { ["url"] = "https://example.org/final" });
        app.Clock.Now = new DateTimeOffset(WorkTestDue.AddMinutes(1));
        var late = await browser.SubmitAsync(replaced, "form#work-test", new Dictionary<string, string> { ["url"] = "https://example.org/too-late" });
        var afterDeadline = await browser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}");

        Assert.Contains("monitor", followUps.Text, StringComparison.Ordinal);
        Assert.Contains(Shown(WorkTestDue), followUps.Text, StringComparison.Ordinal);
        Assert.Contains("not both", both.One(".problem[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(both.One("#work-test-submission"));
        Assert.Contains("your PDF", handedIn.One("#work-test-submission")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.NotNull(firstFile);
        Assert.Contains("https://example.org/final", replaced.One("#work-test-submission")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == firstFile)));
        Assert.Contains("no longer accepted", late.Text, StringComparison.Ordinal);
        Assert.Null(afterDeadline.One("form#work-test"));
        Assert.Equal("https://example.org/final", await app.WithDbAsync(db => db.WorkTestSubmissions.Where(s => s.ApplicantId == applicant.Id).Select(s => s.Url).SingleAsync()));
    }
}

public sealed class StreamApplicationFlowOnSqlite(SqliteApp app) : StreamApplicationFlowTests(app), IClassFixture<SqliteApp>;

public sealed class StreamApplicationFlowOnPostgres(PostgresApp app) : StreamApplicationFlowTests(app), IClassFixture<PostgresApp>;
