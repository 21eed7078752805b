using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Mentor;

/// <summary>The mentor view: a mentor sees the applicants to their own streams only, and a coalition's application reaches all its mentors.</summary>
public abstract class MentorViewTests(CohortApp app)
{
    private const string Script = "<script>alert('x')</script>";
    private readonly StreamsStageData data = new(app);

    [Fact]
    public async Task A_coalition_stream_application_is_one_application_seen_by_every_mentor_of_the_stream()
    {
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Read by the whole coalition");
        using var demoMentor = await app.AsAsync(Roles.Mentor);
        using var coMentor = await data.SignInAsync(await data.NewMentorOfAsync(StreamsStageData.Coalition));

        foreach (var mentor in new[] { demoMentor, coMentor })
        {
            var stream = await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}");
            Assert.Contains($"/mentor/applications/{application}", stream.All("#applicants a").Select(a => a.GetAttribute("href")));
            var page = await mentor.GetAsync($"/mentor/applications/{application}");
            Assert.Equal(200, page.Status);
            Assert.Contains("Read by the whole coalition", page.One("#answers")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.StreamApplications.Count(a => a.ApplicantId == applicant.Id))));
    }

    [Fact]
    public async Task A_mentor_gets_404_for_an_application_or_stream_that_is_not_theirs()
    {
        var applicant = await data.NewAsync();
        var elsewhere = await data.ApplyAsync(applicant, StreamsStageData.Internals, "Not for the coalition's eyes");
        using var demoMentor = await app.AsAsync(Roles.Mentor);

        var home = await demoMentor.GetAsync("/mentor");
        var application = await demoMentor.GetAsync($"/mentor/applications/{elsewhere}");
        var stream = await demoMentor.GetAsync($"/mentor/streams/{StreamsStageData.Internals}");

        Assert.Contains(StreamsStageData.Coalition, home.All("a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("/mentor/streams/", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(404, application.Status);
        Assert.Equal(404, stream.Status);
        Assert.DoesNotContain("Not for the coalition", application.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_work_test_pdf_downloads_as_an_attachment_for_the_streams_mentors_only()
    {
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Handed in a PDF");
        await app.WithDbAsync(async db =>
        {
            var test = await db.WorkTests.SingleAsync(t => db.Streams.Any(s => s.Id == t.StreamId && s.Slug == StreamsStageData.Coalition));
            db.WorkTestSubmissions.Add(new Core.FollowUps.WorkTestSubmission
            {
                WorkTestId = test.Id, ApplicantId = applicant.Id,
                File = new StoredFile { OwnerId = applicant.Id, FileName = "work-test.pdf", ContentType = "application/pdf", Content = "%PDF-1.7\n%%EOF\n"u8.ToArray() },
            });
            return await db.SaveChangesAsync();
        });
        using var demoMentor = await app.AsAsync(Roles.Mentor);
        using var otherMentor = await data.SignInAsync(await data.NewMentorOfAsync(StreamsStageData.Internals));
        var url = $"/mentor/applications/{application}?handler=WorkTestFile";

        using var download = await demoMentor.Client.GetAsync(url);
        using var refused = await otherMentor.Client.GetAsync(url);

        Assert.Equal(200, (int)download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (int)refused.StatusCode);
    }

    [Fact]
    public async Task A_draft_is_private_to_its_applicant_until_submitted()
    {
        var applicant = await data.NewAsync();
        var draft = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Still thinking", ApplicationState.Draft);
        using var demoMentor = await app.AsAsync(Roles.Mentor);

        Assert.Equal(404, (await demoMentor.GetAsync($"/mentor/applications/{draft}")).Status);
    }

    [Fact]
    public async Task Answers_with_markup_are_shown_escaped_to_mentors()
    {
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, Script);
        using var demoMentor = await app.AsAsync(Roles.Mentor);

        var page = await demoMentor.GetAsync($"/mentor/applications/{application}");

        Assert.Contains(Script, page.One("#answers")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.All("#answers script"));
    }

    [Fact]
    public async Task Applicants_and_non_mentors_are_refused_the_mentor_area()
    {
        using var applicant = await app.AsAsync(Roles.Applicant);

        using var response = await applicant.Client.GetAsync("/mentor");

        Assert.Contains("access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}

public sealed class MentorViewOnSqlite(SqliteApp app) : MentorViewTests(app), IClassFixture<SqliteApp>;

public sealed class MentorViewOnPostgres(PostgresApp app) : MentorViewTests(app), IClassFixture<PostgresApp>;
