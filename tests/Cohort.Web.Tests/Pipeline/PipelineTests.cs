using System.Net;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Pipeline;

/// <summary>The admin pipeline through HTTP: who may use it, what a decision changes, and what it never changes.</summary>
public abstract class PipelineTests(CohortApp app)
{
    private const string Decide = "/admin/pipeline/general?handler=Decide";

    private static Dictionary<string, string> Decision(string decision, int id) =>
        new() { ["decision"] = decision, ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static bool Refused(Browser.Page page) =>
        page.Status == 403 || (page.Status == 302 && page.Response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal));

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Mentor)]
    public async Task Non_admins_are_refused_every_pipeline_form_and_mail_page_and_cannot_decide(string role)
    {
        var submitted = await app.AddApplicantAsync(ApplicationState.Submitted);
        using var browser = await app.AsAsync(role);

        foreach (var url in new[] { "/admin/pipeline/general", "/admin/pipeline/assessments", "/admin/pipeline/streams", $"/admin/pipeline/general/{submitted.ApplicationId}", "/admin/mail/compose?stage=general", "/admin/forms/general" })
        {
            Assert.True(Refused(await browser.GetAsync(url)), url);
        }

        Assert.True(Refused(await browser.PostAsAsync(Decide, Decision("Advance", submitted.ApplicationId))));
        Assert.True(Refused(await browser.PostAsAsync("/admin/pipeline/assessments?handler=Decide", Decision("Advance", submitted.ApplicationId))));
        Assert.True(Refused(await browser.PostAsAsync("/admin/mail/compose?stage=general&handler=Send", new Dictionary<string, string> { ["Input.Subject"] = "x", ["Input.Body"] = "y" })));
        Assert.Equal(ApplicationState.Submitted, await app.StateAsync(submitted.ApplicationId));
    }

    [Fact]
    public async Task An_admin_advances_the_ticked_applications_and_drafts_are_left_alone_with_a_count()
    {
        var submitted = await app.AddApplicantAsync(ApplicationState.Submitted, name: "Ticked Submitter");
        var draft = await app.AddApplicantAsync(ApplicationState.Draft, name: "Ticked Drafter");
        using var admin = await app.AsAsync(Roles.Admin);
        var table = await admin.GetAsync("/admin/pipeline/general");

        var after = await admin.SubmitAsync(PipelineData.Tick(table, submitted.ApplicationId, draft.ApplicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });

        Assert.Contains("1 application advanced. 1 selected application left as it was", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Advanced, await app.StateAsync(submitted.ApplicationId));
        Assert.Equal(ApplicationState.Draft, await app.StateAsync(draft.ApplicationId));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject.StartsWith("application:") && (e.Subject == $"application:{submitted.ApplicationId}" || e.Subject == $"application:{draft.ApplicationId}")).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(($"application:{submitted.ApplicationId}", "Submitted → Advanced"), (entry.Subject, entry.Details));
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("7")]
    [InlineData("Submitted")]
    public async Task A_tampered_decision_changes_nothing(string decision)
    {
        var submitted = await app.AddApplicantAsync(ApplicationState.Submitted);
        using var admin = await app.AsAsync(Roles.Admin);
        var table = await admin.GetAsync("/admin/pipeline/general");

        var after = await admin.SubmitAsync(table, "#decide", Decision(decision, submitted.ApplicationId));

        Assert.Contains("not understood", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Submitted, await app.StateAsync(submitted.ApplicationId));
    }

    [Fact]
    public async Task The_table_filters_by_state_and_eligibility()
    {
        var young = await app.AddApplicantAsync(ApplicationState.Waitlisted, name: "Too Young Waitlisted", dateOfBirth: "2015-01-01");
        var adult = await app.AddApplicantAsync(ApplicationState.Waitlisted, name: "Adult Waitlisted");
        using var admin = await app.AsAsync(Roles.Admin);

        var notEligible = await admin.GetAsync("/admin/pipeline/general?state=Waitlisted&eligibility=not-eligible");
        var eligible = await admin.GetAsync("/admin/pipeline/general?state=Waitlisted&eligibility=eligible");

        Assert.Contains("Too Young Waitlisted", notEligible.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Adult Waitlisted", notEligible.Text, StringComparison.Ordinal);
        Assert.Contains("Adult Waitlisted", eligible.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Too Young Waitlisted", eligible.Text, StringComparison.Ordinal);
        Assert.All(eligible.All("tbody input[name=ids]"), box => Assert.NotEqual(young.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), box.GetAttribute("value")));
        Assert.NotNull(adult);
    }

    [Fact]
    public async Task Script_in_an_answer_or_a_name_is_shown_escaped_on_the_table_and_the_detail_page()
    {
        const string script = "<script>alert('pipeline')</script>";
        var applicant = await app.AddApplicantAsync(ApplicationState.Submitted, name: script, motivation: script);
        using var admin = await app.AsAsync(Roles.Admin);

        var table = await admin.GetAsync("/admin/pipeline/general");
        var detail = await admin.GetAsync($"/admin/pipeline/general/{applicant.ApplicationId}");

        Assert.Contains(script, table.Text, StringComparison.Ordinal);
        Assert.Contains(script, detail.One("dl.answers")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(table.All("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain(detail.All("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cv_is_a_download_for_its_owner_and_admins_and_not_found_for_anyone_else()
    {
        var owner = await app.AddApplicantAsync(ApplicationState.Submitted, withCv: true);
        var other = await app.AddApplicantAsync(ApplicationState.Submitted);
        var url = $"/files/{owner.FileId}";
        using var admin = await app.AsAsync(Roles.Admin);
        using var ownerBrowser = await app.AsAsync(owner.Email, owner.Password);
        using var otherBrowser = await app.AsAsync(other.Email, other.Password);
        using var mentor = await app.AsAsync(Roles.Mentor);

        foreach (var allowed in new[] { admin, ownerBrowser })
        {
            using var response = await allowed.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("%PDF-1.7 cv"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
        }

        foreach (var refused in new[] { otherBrowser, mentor })
        {
            Assert.Equal(404, (await refused.GetAsync(url)).Status);
        }

        Assert.Equal(404, (await ownerBrowser.GetAsync("/files/999999")).Status);
    }

    [Fact]
    public async Task A_mailing_is_previewed_with_merge_fields_escaped_then_queued_once_per_recipient()
    {
        const string script = "<script>alert('mail')</script>";
        var applicant = await app.AddApplicantAsync(ApplicationState.Rejected, name: script);
        using var admin = await app.AsAsync(Roles.Admin);
        var compose = await admin.GetAsync("/admin/mail/compose?stage=general&state=Rejected");

        var preview = await admin.SubmitAsync(compose.WithHandler("#compose", "Preview"), "#compose", new Dictionary<string, string>
        {
            ["Input.Subject"] = "About your {{stage}}", ["Input.Body"] = "Dear {{name}}, see {{link}}",
        });

        Assert.Contains($"Dear {script}, see http://localhost/portal", preview.One(".preview pre")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(preview.All("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == applicant.Email)));

        var sent = await admin.SubmitAsync(preview.WithHandler("#compose", "Send"), "#compose", new Dictionary<string, string>());

        Assert.Contains("Queued 1 message “", sent.One(".notice")!.TextContent, StringComparison.Ordinal);
        var queued = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == applicant.Email));
        Assert.Equal("About your General application", queued.Subject);
    }

    [Fact]
    public async Task A_merge_field_whose_value_repeats_the_next_word_is_pointed_out_in_the_preview_and_each_field_is_explained()
    {
        await app.AddApplicantAsync(ApplicationState.Waitlisted);
        using var admin = await app.AsAsync(Roles.Admin);
        var compose = await admin.GetAsync("/admin/mail/compose?stage=general&state=Waitlisted");

        var preview = await admin.SubmitAsync(compose.WithHandler("#compose", "Preview"), "#compose", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Your {{stage}} application", ["Input.Body"] = "Answer by {{deadline}} UTC at {{link}}",
        });

        var warnings = preview.All("#mail-warnings li").Select(li => li.TextContent).ToList();
        Assert.Contains("Subject: “{{stage}} application” reads “General application application”: {{stage}} already ends with “application”.", warnings);
        Assert.Contains(warnings, w => w.StartsWith("Body: “{{deadline}} UTC”", StringComparison.Ordinal));
        Assert.Equal(2, warnings.Count);
        Assert.Contains("not “your {{stage}} application”", compose.One("#merge-fields")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_merge_field_is_refused_listing_the_known_ones()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var compose = await admin.GetAsync("/admin/mail/compose?stage=general");

        var refused = await admin.SubmitAsync(compose.WithHandler("#compose", "Preview"), "#compose", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Hello {{firstname}}", ["Input.Body"] = "Body",
        });

        Assert.Contains("“{{firstname}}” is not a merge field; the known ones are {{name}}", refused.One("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.One(".preview"));
    }
}

public sealed class PipelineOnSqlite(SqliteApp app) : PipelineTests(app), IClassFixture<SqliteApp>;

public sealed class PipelineOnPostgres(PostgresApp app) : PipelineTests(app), IClassFixture<PostgresApp>;
