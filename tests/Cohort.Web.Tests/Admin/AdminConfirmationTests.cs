using System.Globalization;
using System.Text.Json;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Match;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Admin;

/// <summary>
/// Publishing offers and rejecting applications cannot be undone, so each asks first, in numbers, and a POST that
/// skips the confirmation step changes nothing. The audit log fits its page.
/// </summary>
public abstract class AdminConfirmationTests(CohortApp app)
{
    private async Task<int> UnpublishedRunAsync(int matched, int unmatched) => await app.WithDbAsync(async db =>
    {
        var run = new MatchRun
        {
            SeasonId = (await db.Seasons.SingleAsync(s => s.IsCurrent)).Id, CreatedBy = "test", CreatedAt = DateTime.UtcNow, Certified = true, Matched = matched, Unmatched = unmatched,
            InputJson = JsonSerializer.Serialize(new MatchInput([], [])), ResultJson = JsonSerializer.Serialize(new MatchResult([], [], new MatchCertificate(true, true, 0))),
        };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    private Task<bool> PublishedAsync(int run) => app.WithDbAsync(db => db.MatchRuns.Where(r => r.Id == run).Select(r => r.PublishedAt != null).SingleAsync());

    [Fact]
    public async Task Publishing_asks_first_saying_how_many_offers_and_mails_and_a_post_without_the_confirmation_publishes_nothing()
    {
        var run = await UnpublishedRunAsync(matched: 2, unmatched: 1);
        using var admin = await app.AsAsync(Roles.Admin);
        var respondBy = app.Clock.GetUtcNow().UtcDateTime.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var confirm = await admin.SubmitAsync(await admin.GetAsync($"/admin/match?run={run}"), "#publish", new Dictionary<string, string> { ["respondBy"] = respondBy });
        var skipped = await admin.PostAsAsync("/admin/match?handler=Publish", new Dictionary<string, string> { ["runId"] = $"{run}", ["respondBy"] = respondBy });

        Assert.Equal($"Publish run {run} and mail 2 offers?", confirm.One("#confirm-heading")!.TextContent);
        Assert.Contains("2 offers will be made and 2 mails queued", confirm.One("#confirm-what")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 unmatched applicant will get no offer", confirm.One("#confirm-what")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirm.One($"#confirm a[href='/admin/match?run={run}']"));
        Assert.NotNull(skipped.One("#confirm"));
        Assert.False(await PublishedAsync(run));

        var published = await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());

        Assert.Contains("is published", published.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.True(await PublishedAsync(run));
    }

    [Fact]
    public async Task A_bulk_reject_asks_first_saying_how_many_it_rejects_and_a_post_without_the_confirmation_rejects_nothing()
    {
        var (first, second, draft) = (await app.AddApplicantAsync(ApplicationState.Submitted), await app.AddApplicantAsync(ApplicationState.Waitlisted), await app.AddApplicantAsync(ApplicationState.Draft));
        int[] ids = [first.ApplicationId, second.ApplicationId, draft.ApplicationId];
        using var admin = await app.AsAsync(Roles.Admin);
        var table = (await admin.GetAsync("/admin/pipeline/general")).Tick(first.ApplicationId, second.ApplicationId);
        table.One("#decide")!.InnerHtml += $"<input type=\"checkbox\" name=\"ids\" value=\"{draft.ApplicationId}\" checked />";

        var confirm = await admin.SubmitAsync(table, "#decide", new Dictionary<string, string> { ["decision"] = "Reject" });
        var skipped = await admin.PostAsAsync("/admin/pipeline/general?handler=Decide", new Dictionary<string, string> { ["decision"] = "Reject", ["ids"] = $"{first.ApplicationId}" });

        Assert.Equal("Reject 2 applications?", confirm.One("#confirm-heading")!.TextContent);
        Assert.Contains("1 other selected application cannot be decided", confirm.One("#confirm-what")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Yes, reject 2 applications", confirm.One("#confirmed button")!.TextContent);
        Assert.NotNull(skipped.One("#confirm"));
        Assert.Equal([ApplicationState.Submitted, ApplicationState.Waitlisted, ApplicationState.Draft], await StatesAsync(ids));

        var rejected = await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());

        Assert.Contains("2 applications rejected. 1 selected application left as it was", rejected.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([ApplicationState.Rejected, ApplicationState.Rejected, ApplicationState.Draft], await StatesAsync(ids));
    }

    [Fact]
    public async Task Advancing_needs_no_confirmation()
    {
        var applicant = await app.AddApplicantAsync(ApplicationState.Submitted);
        using var admin = await app.AsAsync(Roles.Admin);

        var after = await admin.SubmitAsync((await admin.GetAsync("/admin/pipeline/general")).Tick(applicant.ApplicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });

        Assert.Contains("1 application advanced.", after.One(".notice")!.TextContent, StringComparison.Ordinal);
    }

    private Task<ApplicationState[]> StatesAsync(int[] ids) =>
        app.WithDbAsync(async db => (await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.State)) is var states ? ids.Select(id => states[id]).ToArray() : []);

    [Fact]
    public async Task A_long_audit_entry_folds_its_details_so_the_table_keeps_to_the_page()
    {
        var details = string.Concat(Enumerable.Repeat("a-long-unbroken-detail/", 20));
        await app.WithDbAsync(db =>
        {
            new Core.Audit.AuditLog(db, TimeProvider.System).Record(Core.Audit.Actor.System, "test.long-details", "subject:1", details);
            return db.SaveChangesAsync();
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync("/admin/audit?action=test.long-details");

        var folded = page.One("table.audit td details")!;
        Assert.True(folded.QuerySelector("summary")!.TextContent.Length <= Pages.Admin.AuditModel.DetailsShown);
        Assert.Contains(details, folded.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.One("table.audit colgroup"));
        Assert.StartsWith("1 entry, newest first", page.One("table.audit caption")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class AdminConfirmationOnSqlite(SqliteApp app) : AdminConfirmationTests(app), IClassFixture<SqliteApp>;

public sealed class AdminConfirmationOnPostgres(PostgresApp app) : AdminConfirmationTests(app), IClassFixture<PostgresApp>;
