using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.StreamApplications;

/// <summary>Stage 3 through the applicant's pages: shared questions shown once, and nobody reads another applicant's application.</summary>
public abstract class StreamApplicationPageTests(CohortApp app)
{
    private readonly StreamsStageData data = new(app);

    [Fact]
    public async Task A_question_shared_by_two_chosen_streams_is_asked_once_and_their_own_questions_under_each()
    {
        var applicant = await data.NewAsync();
        await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Shared answer", ApplicationState.Draft);
        await data.ApplyAsync(applicant, StreamsStageData.Internals, "Shared answer", ApplicationState.Draft);
        using var browser = await data.SignInAsync(applicant);

        var page = await browser.GetAsync("/streams/apply");

        Assert.Equal(200, page.Status);
        Assert.Single(page.All("textarea[name='q.surprising-result']"));
        Assert.Equal("Shared answer", page.One("[data-section=shared] textarea[name='q.surprising-result']")!.TextContent);
        Assert.NotNull(page.One($"[data-stream={StreamsStageData.Coalition}] [name='q.protocol-attack']"));
        Assert.NotNull(page.One($"[data-stream={StreamsStageData.Internals}] [name='q.probe-repository']"));
    }

    [Fact]
    public async Task An_applicant_not_advanced_past_stage_1_is_told_so_and_offered_no_form()
    {
        using var demoApplicant = await app.AsAsync(Roles.Applicant);

        var page = await demoApplicant.GetAsync("/streams/apply");

        Assert.Contains("advanced to stage 3", page.Text, StringComparison.Ordinal);
        Assert.Null(page.One("form#choose-streams"));
    }

    [Fact]
    public async Task An_applicant_cannot_read_another_applicants_stream_application_or_interview_invite()
    {
        var owner = await data.NewAsync();
        var other = await data.NewAsync();
        await data.ApplyAsync(owner, StreamsStageData.Coalition, "Only the owner and the coalition read this");
        await data.BookFreeSlotAsync(owner, StreamsStageData.Coalition);
        using var ownerBrowser = await data.SignInAsync(owner);
        using var otherBrowser = await data.SignInAsync(other);

        Assert.Equal(200, (await ownerBrowser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}")).Status);
        Assert.Equal(200, (await ownerBrowser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}/interview.ics")).Status);
        Assert.Equal(404, (await otherBrowser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}")).Status);
        Assert.Equal(404, (await otherBrowser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}/interview.ics")).Status);
        Assert.DoesNotContain("Only the owner", (await otherBrowser.GetAsync("/streams/apply")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interview_invite_downloads_as_a_calendar_file_with_crlf_lines()
    {
        var applicant = await data.NewAsync();
        await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Booked");
        await data.BookFreeSlotAsync(applicant, StreamsStageData.Coalition);
        using var browser = await data.SignInAsync(applicant);

        using var response = await browser.Client.GetAsync($"/streams/apply/{StreamsStageData.Coalition}/interview.ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("UID:interview-slot-", ics, StringComparison.Ordinal);
    }
}

public sealed class StreamApplicationPagesOnSqlite(SqliteApp app) : StreamApplicationPageTests(app), IClassFixture<SqliteApp>;

public sealed class StreamApplicationPagesOnPostgres(PostgresApp app) : StreamApplicationPageTests(app), IClassFixture<PostgresApp>;
