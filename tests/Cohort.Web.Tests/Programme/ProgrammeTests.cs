using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Programme;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Programme;

/// <summary>
/// The programme's pages through HTTP: who sees which fellow, handing in, signing off and checking in, the boards and
/// the admin's milestones. The demo mentor mentors the coalition; a new mentor account is linked to model internals.
/// </summary>
public abstract class ProgrammeTests(CohortApp app)
{
    private readonly ProgrammeData data = new(app);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_fellow_sees_only_their_own_fellowship_and_never_another_fellows_page()
    {
        var (fellow, other) = (await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition));
        var stranger = await data.StreamsStage.NewAsync();
        using var browser = await data.StreamsStage.SignInAsync(fellow.Person);
        using var strangerBrowser = await data.StreamsStage.SignInAsync(stranger);

        var portal = await browser.GetAsync("/portal");
        var own = await browser.GetAsync("/portal/fellowship");

        Assert.NotNull(portal.One("#fellowship-link a[href='/portal/fellowship']"));
        Assert.Equal(200, own.Status);
        Assert.Contains("Control", own.One("[data-stream]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(404, (await browser.GetAsync($"/fellows/{other.FellowshipId}")).Status);
        Assert.Equal(404, (await browser.GetAsync($"/fellows/{fellow.FellowshipId}")).Status);
        AssertDenied(await browser.GetAsync("/fellows"));
        Assert.Equal(404, (await browser.GetAsync("/portal/fellowship?season=999999")).Status);
        Assert.Equal(404, (await strangerBrowser.GetAsync("/portal/fellowship")).Status);
        Assert.Null((await strangerBrowser.GetAsync("/portal")).One("#fellowship-link"));
    }

    [Fact]
    public async Task A_mentor_sees_only_their_own_streams_fellows_and_boards()
    {
        var coalition = await data.FellowAsync(StreamsStageData.Coalition);
        var internals = await data.FellowAsync(StreamsStageData.Internals);
        var internalsStream = await app.WithDbAsync(db => db.Streams.Where(s => s.Slug == StreamsStageData.Internals).Select(s => s.Id).SingleAsync());
        using var mentor = await app.AsAsync(Roles.Mentor);
        using var internalsMentor = await data.StreamsStage.SignInAsync(await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Internals));
        using var admin = await app.AsAsync(Roles.Admin);

        var list = await mentor.GetAsync("/fellows");
        var board = await mentor.GetAsync("/mentor/board");
        var filtered = await mentor.GetAsync($"/mentor/board?stream={Id(internalsStream)}");
        var otherBoard = await internalsMentor.GetAsync("/mentor/board");
        var adminBoard = await admin.GetAsync("/admin/fellows/board");

        Assert.NotNull(list.One($"#fellows [data-fellowship='{coalition.FellowshipId}']"));
        Assert.Null(list.One($"[data-fellowship='{internals.FellowshipId}']"));
        Assert.NotNull(board.One($"#board [data-fellowship='{coalition.FellowshipId}']"));
        Assert.Null(board.One($"[data-fellowship='{internals.FellowshipId}']"));
        Assert.Null(filtered.One($"[data-fellowship='{internals.FellowshipId}']"));
        Assert.Null(filtered.One($"#filter-stream option[value='{internalsStream}']"));
        Assert.Equal(200, (await mentor.GetAsync($"/fellows/{coalition.FellowshipId}")).Status);
        Assert.Equal(404, (await mentor.GetAsync($"/fellows/{internals.FellowshipId}")).Status);
        Assert.NotNull(otherBoard.One($"[data-fellowship='{internals.FellowshipId}']"));
        Assert.Null(otherBoard.One($"[data-fellowship='{coalition.FellowshipId}']"));
        AssertDenied(await mentor.GetAsync("/admin/fellows/board"));
        Assert.NotNull(adminBoard.One($"[data-fellowship='{coalition.FellowshipId}']"));
        Assert.NotNull(adminBoard.One($"[data-fellowship='{internals.FellowshipId}']"));
    }

    [Fact]
    public async Task A_sign_off_is_refused_with_nothing_written_for_another_streams_mentor_a_missing_submission_and_a_second_time()
    {
        var milestone = await data.MilestoneAsync(SubmissionKind.Text);
        var (fellow, idle) = (await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition));
        var ownFellow = await data.FellowAsync(StreamsStageData.Internals);
        var internalsPerson = await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Internals);
        using var fellowBrowser = await data.StreamsStage.SignInAsync(fellow.Person);
        using var mentor = await app.AsAsync(Roles.Mentor);
        using var internalsMentor = await data.StreamsStage.SignInAsync(internalsPerson);
        using var admin = await app.AsAsync(Roles.Admin);

        var handedIn = await fellowBrowser.SubmitAsync(await fellowBrowser.GetAsync("/portal/fellowship"), $"[data-milestone='{milestone}'] form.submit-milestone",
            new Dictionary<string, string> { ["text"] = "My research plan." });
        // Another stream's mentor posts the sign-off form with their own valid token: the page does not exist for them.
        var token = (await internalsMentor.GetAsync($"/fellows/{ownFellow.FellowshipId}")).One("#check-in-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var foreign = await internalsMentor.Client.PostAsync($"/fellows/{fellow.FellowshipId}?handler=SignOff", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["milestone"] = Id(milestone), ["assessment"] = nameof(Assessment.OffTrack), ["comment"] = "Not mine to judge.",
        }));
        var directly = await SignOffAsync(internalsPerson.Id, fellow.FellowshipId, milestone);
        var missing = await mentor.GetAsync($"/fellows/{idle.FellowshipId}");
        var missingDirectly = await SignOffAsync(await MentorIdAsync(), idle.FellowshipId, milestone);
        var signed = await mentor.SubmitAsync(await mentor.GetAsync($"/fellows/{fellow.FellowshipId}"), $"[data-milestone='{milestone}'] form.sign-off-form",
            new Dictionary<string, string> { ["assessment"] = nameof(Assessment.AtRisk), ["comment"] = "The scope is too wide." });
        var twice = await SignOffAsync(await MentorIdAsync(), fellow.FellowshipId, milestone);
        var adminBoard = await admin.GetAsync("/admin/fellows/board");

        Assert.Contains("Your submission is handed in", handedIn.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(404, (int)foreign.StatusCode);
        Assert.Equal(MentorAssessment.NotYourFellow, directly);
        Assert.Null(missing.One($"[data-milestone='{milestone}'] form.sign-off-form"));
        Assert.Contains("has not handed anything in", missingDirectly, StringComparison.Ordinal);
        Assert.Contains("signed off: at risk", signed.One($"[data-milestone='{milestone}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("signed", twice, StringComparison.Ordinal);
        Assert.Contains("already", twice, StringComparison.Ordinal);
        Assert.Equal((1, 0), (await data.CheckInsAsync(fellow.FellowshipId), await data.CheckInsAsync(idle.FellowshipId)));
        // At risk comes after off track (another test's fellow may be) and before everyone without an assessment.
        var rows = adminBoard.All("#board tbody tr").Select(r => (Id: r.GetAttribute("data-fellowship"), Latest: r.QuerySelector("[data-latest]")!.TextContent)).ToList();
        var at = rows.FindIndex(r => r.Id == Id(fellow.FellowshipId));
        Assert.All(rows.Take(at), r => Assert.Contains(r.Latest, new[] { "off track", "at risk" }));
        Assert.All(rows.Skip(at + 1), r => Assert.NotEqual("off track", r.Latest));
        Assert.Contains("at risk", adminBoard.One($"[data-fellowship='{fellow.FellowshipId}'] [data-latest]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The scope is too wide.", await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == fellow.Person.Email).Select(m => m.Body).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sign_offs_of_one_milestone_posted_at_once_write_one_and_the_other_is_told_so()
    {
        var milestone = await data.MilestoneAsync(SubmissionKind.Text);
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        using var fellowBrowser = await data.StreamsStage.SignInAsync(fellow.Person);
        using var mentor = await app.AsAsync(Roles.Mentor);
        await fellowBrowser.SubmitAsync(await fellowBrowser.GetAsync("/portal/fellowship"), $"[data-milestone='{milestone}'] form.submit-milestone",
            new Dictionary<string, string> { ["text"] = "My research plan." });
        var token = (await mentor.GetAsync($"/fellows/{fellow.FellowshipId}")).One($"[data-milestone='{milestone}'] form.sign-off-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        FormUrlEncodedContent SignOff(Assessment assessment) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["milestone"] = Id(milestone), ["assessment"] = assessment.ToString(), ["comment"] = $"Judged {assessment}.",
        });

        // The same mentor in two windows, or a double click: both posts reach the server together.
        var posts = await Task.WhenAll(new[] { Assessment.OnTrack, Assessment.AtRisk }.Select(a => mentor.Client.PostAsync($"/fellows/{fellow.FellowshipId}?handler=SignOff", SignOff(a))));

        Assert.All(posts, p => Assert.True((int)p.StatusCode < 500, $"a sign-off answered {(int)p.StatusCode}"));
        Assert.Equal(1, await data.CheckInsAsync(fellow.FellowshipId));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == fellow.Person.Email && m.Body.Contains("Judged"))));
    }

    [Fact]
    public async Task A_mentor_records_check_ins_between_milestones_and_the_fellow_reads_them()
    {
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        using var mentor = await app.AsAsync(Roles.Mentor);
        using var fellowBrowser = await data.StreamsStage.SignInAsync(fellow.Person);

        var refused = await mentor.SubmitAsync(await mentor.GetAsync($"/fellows/{fellow.FellowshipId}"), "#check-in-form",
            new Dictionary<string, string> { ["assessment"] = nameof(Assessment.OnTrack), ["comment"] = " " });
        var recorded = await mentor.SubmitAsync(refused, "#check-in-form",
            new Dictionary<string, string> { ["assessment"] = nameof(Assessment.OffTrack), ["comment"] = "Two meetings missed." });

        Assert.Contains("Write a comment", refused.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The check-in is recorded", recorded.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two meetings missed.", (await fellowBrowser.GetAsync("/portal/fellowship")).One("#check-ins")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await data.CheckInsAsync(fellow.FellowshipId));
    }

    [Fact]
    public async Task A_pdf_over_the_size_limit_is_refused_with_nothing_written_and_a_late_one_replaces_the_first_and_is_marked_late()
    {
        var milestone = await data.MilestoneAsync(SubmissionKind.File, dueInDays: -1);
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        using var browser = await data.StreamsStage.SignInAsync(fellow.Person);
        var files = await app.WithDbAsync(db => db.StoredFiles.CountAsync());
        var oversized = new byte[(int)Core.Applications.PdfContent.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(oversized);

        var refused = await ProgrammeData.HandInPdfAsync(browser, milestone, oversized);
        var afterRefusal = await app.WithDbAsync(async db => (await db.StoredFiles.CountAsync(), await db.MilestoneSubmissions.CountAsync(s => s.FellowshipId == fellow.FellowshipId)));
        await ProgrammeData.HandInPdfAsync(browser, milestone, "%PDF-1.7\nfirst\n%%EOF\n"u8.ToArray());
        var replaced = await ProgrammeData.HandInPdfAsync(browser, milestone, "%PDF-1.7\nsecond\n%%EOF\n"u8.ToArray());

        Assert.Contains("The PDF is over the 5 MB limit", refused.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((files, 0), afterRefusal);
        Assert.NotNull(replaced.One($"[data-milestone='{milestone}'] .tag.late"));
        var stored = await app.WithDbAsync(db => db.MilestoneSubmissions.Where(s => s.FellowshipId == fellow.FellowshipId).Select(s => s.File!.Content).SingleAsync());
        Assert.Equal("%PDF-1.7\nsecond\n%%EOF\n"u8.ToArray(), stored);
        Assert.Equal(files + 1, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
        using var mentor = await app.AsAsync(Roles.Mentor);
        var link = (await mentor.GetAsync($"/fellows/{fellow.FellowshipId}")).One($"[data-milestone='{milestone}'] [data-submission] a[download]")!.GetAttribute("href")!;
        using var download = await mentor.Client.GetAsync(link);
        Assert.Equal("%PDF-1.7\nsecond\n%%EOF\n"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_admin_adds_a_milestone_due_on_their_own_clock_a_bad_value_is_refused_and_one_without_submissions_is_deleted()
    {
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == Cohort.Demo.DemoSeason.Admin.Email)).TimeZoneId = "Asia/Kolkata";
            return await db.SaveChangesAsync();
        });
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/milestones/new");
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Research plan", ["Input.Description"] = "Two pages.", ["Input.Due"] = "2027-06-01T17:00", ["Input.Submission"] = nameof(SubmissionKind.Text),
            ["Input.RequiresSignOff"] = "true", ["Input.RemindDaysBefore"] = "-1",
        };

        var refused = await admin.SubmitAsync(form, "#milestone-form", fields);
        var saved = await admin.SubmitAsync(form, "#milestone-form", new Dictionary<string, string>(fields) { ["Input.RemindDaysBefore"] = "3" });
        var milestone = await app.WithDbAsync(db => db.Milestones.OrderByDescending(m => m.Id).FirstAsync(m => m.Title == "Research plan"));
        var deleted = await admin.SubmitAsync(saved, $"[data-milestone='{milestone.Id}'] form", new Dictionary<string, string>());

        Assert.Contains("between 0 and", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("is saved", saved.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((new DateTime(2027, 6, 1, 11, 30, 0), SubmissionKind.Text, true, 3), (milestone.DueAt, milestone.Submission, milestone.RequiresSignOff, milestone.RemindDaysBefore));
        Assert.Contains("is deleted", deleted.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Id == milestone.Id)));
    }

    /// <summary>The app's answer to a signed-in person without the role: the access-denied page.</summary>
    private static void AssertDenied(Browser.Page page) =>
        Assert.Contains("/account/access-denied", page.Response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

    private Task<string> MentorIdAsync() =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == Cohort.Demo.DemoSeason.CoalitionMentor.Email).Select(u => u.Id).SingleAsync());

    /// <summary>The use case itself, as the page runs it, so its refusal's words can be read.</summary>
    private async Task<string?> SignOffAsync(string userId, int fellowshipId, int milestone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = await data.CheckInsAsync(fellowshipId);
        var refusal = await scope.ServiceProvider.GetRequiredService<SignOffMilestone>().RunAsync(new Actor(userId, "test"), fellowshipId, milestone, Assessment.OnTrack, "A comment.");
        Assert.True(refusal is null || before == await data.CheckInsAsync(fellowshipId), "A refused sign-off wrote a check-in.");
        return refusal;
    }
}

public sealed class ProgrammeOnSqlite(SqliteApp app) : ProgrammeTests(app), IClassFixture<SqliteApp>;

public sealed class ProgrammeOnPostgres(PostgresApp app) : ProgrammeTests(app), IClassFixture<PostgresApp>;
