using System.Globalization;
using System.Net.Http.Headers;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Hosting;

/// <summary>Each person may upload a few files an hour; past that, a post with a file is refused and stores nothing.</summary>
public abstract class UploadThrottleTests(UploadLimitedApp app)
{
    private const string Password = "a long enough passphrase";

    private sealed record Applicant(Browser Browser, string Id) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    private async Task<Applicant> NewApplicantAsync()
    {
        var email = $"uploads-{Guid.NewGuid():N}@example.net";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Upload Person", Roles.Applicant, Actor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new(await app.AsAsync(email, Password), id);
    }

    /// <summary>Saves the application form as the page does (multipart), with a CV or without one.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(Browser browser, bool withCv)
    {
        var form = await browser.GetAsync("/apply/general");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("Upload Person"), "q.full-name" },
        };
        if (withCv)
        {
            var file = new ByteArrayContent("%PDF-1.4 a CV"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "q.cv", "cv.pdf");
        }

        return await browser.Client.PostAsync("/apply/general?handler=Save", content);
    }

    private Task<int> FilesOfAsync(string owner) => app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == owner));

    private static async Task UseUpTheBudgetAsync(Browser browser)
    {
        for (var upload = 0; upload < UploadLimitedApp.UploadsPerHour; upload++)
        {
            using var accepted = await SaveAsync(browser, withCv: true);
            Assert.Equal(200, (int)accepted.StatusCode);
        }
    }

    [Fact]
    public async Task An_upload_past_the_hourly_budget_is_refused_with_a_readable_429_and_stores_nothing()
    {
        using var applicant = await NewApplicantAsync();
        await UseUpTheBudgetAsync(applicant.Browser);
        var stored = await FilesOfAsync(applicant.Id);

        using var refused = await SaveAsync(applicant.Browser, withCv: true);

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(stored, await FilesOfAsync(applicant.Id));
    }

    [Fact]
    public async Task Saving_answers_without_a_file_is_not_counted_as_an_upload()
    {
        using var applicant = await NewApplicantAsync();
        await UseUpTheBudgetAsync(applicant.Browser);

        using var saved = await SaveAsync(applicant.Browser, withCv: false);

        Assert.Equal(200, (int)saved.StatusCode);
    }

    [Fact]
    public async Task One_persons_uploads_do_not_use_up_anothers()
    {
        using var first = await NewApplicantAsync();
        using var second = await NewApplicantAsync();
        await UseUpTheBudgetAsync(first.Browser);

        using var accepted = await SaveAsync(second.Browser, withCv: true);

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.True(await FilesOfAsync(second.Id) > 0);
    }
}

public sealed class UploadThrottleOnSqlite(UploadLimitedSqliteApp app) : UploadThrottleTests(app), IClassFixture<UploadLimitedSqliteApp>;

public sealed class UploadThrottleOnPostgres(UploadLimitedPostgresApp app) : UploadThrottleTests(app), IClassFixture<UploadLimitedPostgresApp>;
