using System.Net;
using System.Net.Http.Headers;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.FollowUps;
using Cohort.Core.Review;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Cohort.Web.Tests.Review;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Files;

/// <summary>Stored files do not pile up, and no file or signed-in page is left in a browser's or a proxy's cache.</summary>
public abstract class FileResponseTests(CohortApp app)
{
    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>Uploads <paramref name="pdf"/> as the CV through the application form's save button, as a browser does.</summary>
    private static async Task<Browser.Page> UploadCvAsync(Browser browser, byte[] pdf)
    {
        var form = await browser.GetAsync("/apply/general");
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { file, "q.cv", "my-cv.pdf" },
        };
        return await browser.FollowAsync(await browser.Client.PostAsync("/apply/general?handler=Save", content), "/apply/general");
    }

    [Fact]
    public async Task A_cv_uploaded_again_replaces_the_stored_one_and_leaves_exactly_one_file()
    {
        var applicant = await app.AddApplicantAsync(ApplicationState.Draft);
        var ownerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == applicant.Email).Select(u => u.Id).SingleAsync());
        using var browser = await app.AsAsync(applicant.Email, applicant.Password);
        var (first, second) = ("%PDF-1.7\n% first CV\n%%EOF\n"u8.ToArray(), "%PDF-1.7\n% second CV\n%%EOF\n"u8.ToArray());

        await UploadCvAsync(browser, first);
        var afterFirst = await app.WithDbAsync(db => db.StoredFiles.Where(f => f.OwnerId == ownerId).Select(f => f.Id).ToListAsync());
        await UploadCvAsync(browser, second);
        await UploadCvAsync(browser, second);

        var stored = Assert.Single(await app.WithDbAsync(db => db.StoredFiles.Where(f => f.OwnerId == ownerId).ToListAsync()));
        Assert.Single(afterFirst);
        Assert.Equal(second, stored.Content);
        Assert.Equal(stored.Id, await app.WithDbAsync(db => db.Set<Answer>().Where(a => a.FileId != null && db.Applications.Any(x => x.Id == a.ApplicationId && x.ApplicantId == ownerId))
            .Select(a => a.FileId).SingleAsync()));
    }

    [Fact]
    public async Task Every_file_response_and_every_page_for_a_signed_in_person_is_sent_no_store()
    {
        var owner = await app.AddApplicantAsync(ApplicationState.Submitted, withCv: true);
        var assigned = await app.WithDbAsync(async db =>
        {
            await AssignedApplication.SaveSettingsAsync(db, new BlindSettings { HideCv = false });
            return await AssignedApplication.SeedAsync(db, Now);
        });
        var data = new StreamsStageData(app);
        var streamApplicant = await data.NewAsync();
        var streamApplication = await data.ApplyAsync(streamApplicant, StreamsStageData.Coalition, "With a work test");
        await data.BookFreeSlotAsync(streamApplicant, StreamsStageData.Coalition);
        await app.WithDbAsync(async db =>
        {
            var test = await db.WorkTests.SingleAsync(t => db.Streams.Any(s => s.Id == t.StreamId && s.Slug == StreamsStageData.Coalition));
            db.WorkTestSubmissions.Add(new WorkTestSubmission
            {
                WorkTestId = test.Id, ApplicantId = streamApplicant.Id, SubmittedAt = Now,
                File = new StoredFile { OwnerId = streamApplicant.Id, FileName = "work-test.pdf", ContentType = "application/pdf", Content = "%PDF-1.7 work"u8.ToArray(), Length = 13 },
            });
            return await db.SaveChangesAsync();
        });
        using var anonymous = app.NewBrowser();
        using var ownerBrowser = await app.AsAsync(owner.Email, owner.Password);
        using var streamBrowser = await data.SignInAsync(streamApplicant);
        using var admin = await app.AsAsync(Roles.Admin);
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        using var mentor = await app.AsAsync(Roles.Mentor);
        var files = new (string What, Browser Who, string Url)[]
        {
            ("the owner's CV", ownerBrowser, $"/files/{owner.FileId}"),
            ("a CV an admin opens", admin, $"/files/{owner.FileId}"),
            ("the reviewer's CV", reviewer, $"/review/assignments/{assigned.AssignmentId}/cv"),
            ("the mentor's work test", mentor, $"/mentor/applications/{streamApplication}?handler=WorkTestFile"),
            ("the interview invite", streamBrowser, $"/streams/apply/{StreamsStageData.Coalition}/interview.ics"),
            ("the catalogue export", admin, "/admin/export?format=json"),
            ("the streams export", admin, "/admin/export?format=csv"),
            ("the score table export", admin, "/admin/scores/general?handler=Csv"),
            ("the public key dates", anonymous, "/dates.ics"),
        };
        var pages = new (string What, Browser Who, string Url)[]
        {
            ("the portal", ownerBrowser, "/portal"), ("the review assignment", reviewer, $"/review/assignments/{assigned.AssignmentId}"),
            ("the reviewer API", reviewer, "/api/review/assignments"), ("the admin home", admin, "/admin"),
        };

        foreach (var (what, who, url) in files.Concat(pages))
        {
            using var response = await who.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what} ({url}) answered {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} ({url}) may be cached: {response.Headers.CacheControl}");
            Assert.Equal(files.Any(f => f.Url == url), response.Content.Headers.ContentDisposition?.DispositionType == "attachment");
            // Text says how it is encoded (ASVS 4.1.1): a spreadsheet opening a CSV must not guess.
            if (response.Content.Headers.ContentType?.MediaType?.StartsWith("text/", StringComparison.Ordinal) == true)
            {
                Assert.True(response.Content.Headers.ContentType.CharSet == "utf-8", $"{what} ({url}) is {response.Content.Headers.ContentType} without charset=utf-8");
            }
        }

        using var home = await anonymous.Client.GetAsync("/");
        Assert.NotEqual(true, home.Headers.CacheControl?.NoStore);
    }
}

public sealed class FileResponsesOnSqlite(SqliteApp app) : FileResponseTests(app), IClassFixture<SqliteApp>;

public sealed class FileResponsesOnPostgres(PostgresApp app) : FileResponseTests(app), IClassFixture<PostgresApp>;
