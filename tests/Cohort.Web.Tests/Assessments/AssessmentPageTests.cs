using System.Text.Json;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Assessments;

/// <summary>Stage 2 through the pages: only invited applicants, one attempt each, a clock the server enforces, nothing posted beyond answers trusted.</summary>
public abstract class AssessmentPageTests(CohortApp app)
{
    private const string Password = "a long enough passphrase";
    private const string Script = "<script>alert('x')</script>";

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>A signed-in applicant whose general application is in <paramref name="general"/> (none when null).</summary>
    private async Task<(Browser Browser, string Id)> ApplicantAsync(ApplicationState? general)
    {
        var email = $"stage2-{Guid.NewGuid():N}@example.net";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Stage Two", Roles.Applicant, Actor.System);
        }

        var id = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            if (general is { } state)
            {
                await GeneralApplications.PutAsync(db, user.Id, state);
            }

            return user.Id;
        });
        return (await app.AsAsync(email, Password), id);
    }

    /// <summary>An assessment of the demo track open now, whatever the app's clock says.</summary>
    private Task<Assessment> AssessmentAsync() => app.WithDbAsync(async db =>
    {
        var assessment = new Assessment
        {
            TrackId = await db.Tracks.Select(t => t.Id).FirstAsync(),
            Slug = $"taste-{Guid.NewGuid():N}"[..20],
            Title = "Taste " + Script,
            TimeLimitMinutes = 30,
            OpensAt = Now.AddHours(-1),
            ClosesAt = Now.AddDays(1),
            Items =
            {
                new AssessmentItem { Position = 0, Kind = ItemKind.MultipleChoice, Points = 2, Prompt = "Which? " + Script, ChoicesText = "Yes\nNo", AnswerKey = "Yes" },
                new AssessmentItem { Position = 1, Kind = ItemKind.Ordering, Points = 4, Prompt = "Order", ChoicesText = "A\nB\nC", AnswerKey = "A\nB\nC" },
                new AssessmentItem { Position = 2, Kind = ItemKind.FreeText, Points = 5, Prompt = "Explain", RubricText = "Clarity" },
            },
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    });

    private Task<Attempt?> AttemptAsync(string applicant, Assessment assessment) =>
        app.WithDbAsync(db => db.Attempts.AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.ApplicantId == applicant && a.AssessmentId == assessment.Id));

    private static string Field(Assessment assessment, ItemKind kind) => $"item-{assessment.Items.Single(i => i.Kind == kind).Id}";

    private static async Task<Browser.Page> StartAsync(Browser browser, Assessment assessment) =>
        await browser.SubmitAsync(await browser.GetAsync($"/assessments/{assessment.Slug}"), "form[action*='handler=Start']", new Dictionary<string, string>());

    [Fact]
    public async Task An_invited_applicant_starts_answers_without_javascript_and_hands_in_once()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Advanced);
        var list = await browser.GetAsync("/assessments");
        Assert.Contains("Not started", list.Text, StringComparison.Ordinal);

        var started = await StartAsync(browser, assessment);
        Assert.NotNull(started.One("#remaining[data-seconds]"));
        var ranking = Field(assessment, ItemKind.Ordering);
        var form = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", started.One("#attempt input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new(Field(assessment, ItemKind.MultipleChoice), "Yes"),
            new(ranking, "1"), new(ranking, "3"), new(ranking, "2"), // B and C swapped: 4 × (1/3 + 1) / 2
            new(Field(assessment, ItemKind.FreeText), Script),
            new("intent", "submit"),
        ]);
        var handedIn = await browser.FollowAsync(await browser.Client.PostAsync($"/assessments/{assessment.Slug}?handler=Save", form), $"/assessments/{assessment.Slug}");
        var startAgain = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = handedIn.One("#attempt input[name=__RequestVerificationToken]")!.GetAttribute("value")! });
        var again = await browser.FollowAsync(await browser.Client.PostAsync($"/assessments/{assessment.Slug}?handler=Start", startAgain), $"/assessments/{assessment.Slug}");

        Assert.Contains("Handed in", handedIn.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.One("#remaining"));
        var attempt = (await AttemptAsync(id, assessment))!;
        Assert.Equal(2 + 2.67, attempt.AutoScore!.Value, 2);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attempts.CountAsync(a => a.ApplicantId == id)));
        Assert.Equal(Script, again.One($"textarea[name={Field(assessment, ItemKind.FreeText)}]")!.TextContent);
        Assert.DoesNotContain(Script, await again.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_keeps_pointing_to_the_assessments_page_while_one_is_not_started()
    {
        var opened = await AssessmentAsync();
        await AssessmentAsync();
        var (browser, _) = await ApplicantAsync(ApplicationState.Advanced);
        await StartAsync(browser, opened);

        var portal = await browser.GetAsync("/portal");

        Assert.NotNull(portal.One($"[data-application=assessment] a[href='/assessments/{opened.Slug}']"));
        Assert.NotNull(portal.One("[data-application=assessment] a[href='/assessments']"));
    }

    [Fact]
    public async Task Autosave_answers_with_the_time_it_saved_and_keeps_the_answer()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Advanced);
        var page = await StartAsync(browser, assessment);
        var autosave = page.One("#attempt")!.GetAttribute("data-autosave")!;

        using var response = await browser.Client.PostAsync(autosave, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.One("#attempt input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            [Field(assessment, ItemKind.FreeText)] = "Typed, not yet handed in",
        }));

        Assert.Equal(200, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("savedAt", out _));
        Assert.Equal("Typed, not yet handed in", Assert.Single((await AttemptAsync(id, assessment))!.Answers).Value);
    }

    [Fact]
    public async Task Autosaves_racing_the_hand_in_each_save_or_find_it_handed_in_and_the_hand_in_succeeds()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Advanced);
        var page = await StartAsync(browser, assessment);
        var token = page.One("#attempt input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var freeText = Field(assessment, ItemKind.FreeText);
        FormUrlEncodedContent Form(string answer, bool handIn) => new(handIn
            ? [new("__RequestVerificationToken", token), new(freeText, answer), new("intent", "submit")]
            : [new KeyValuePair<string, string>("__RequestVerificationToken", token), new(freeText, answer)]);

        // The page's script saves as the applicant types, so its saves meet each other (two windows) and the Hand in post.
        var autosaves = Enumerable.Range(1, 4).Select(i => browser.Client.PostAsync(page.One("#attempt")!.GetAttribute("data-autosave")!, Form($"draft {i}", handIn: false))).ToList();
        var handIn = browser.Client.PostAsync($"/assessments/{assessment.Slug}?handler=Save", Form("final answer", handIn: true));
        var answers = await Task.WhenAll(autosaves);
        var handedIn = await browser.FollowAsync(await handIn, $"/assessments/{assessment.Slug}");

        Assert.Contains("Handed in", handedIn.One(".notice")!.TextContent, StringComparison.Ordinal);
        var attempt = (await AttemptAsync(id, assessment))!;
        Assert.NotNull(attempt.SubmittedAt);
        // An autosave either saved before the hand-in or found the attempt handed in: none is told to save again.
        foreach (var answer in answers)
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Save again", body, StringComparison.Ordinal);
            Assert.True(answer.IsSuccessStatusCode || body.Contains("handed this assessment in", StringComparison.Ordinal), body);
        }
    }

    [Fact]
    public async Task A_score_deadline_or_start_time_posted_by_the_applicant_is_ignored()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Advanced);
        var page = await StartAsync(browser, assessment);
        var before = (await AttemptAsync(id, assessment))!;

        await browser.SubmitAsync(page, "#attempt", new Dictionary<string, string>
        {
            [Field(assessment, ItemKind.MultipleChoice)] = "No",
            ["AutoScore"] = "100", ["Attempt.AutoScore"] = "100", ["Deadline"] = "2099-01-01T00:00:00Z",
            ["Attempt.Deadline"] = "2099-01-01T00:00:00Z", ["StartedAt"] = "2099-01-01T00:00:00Z", ["intent"] = "submit",
        });

        var after = (await AttemptAsync(id, assessment))!;
        Assert.Equal((before.StartedAt, before.Deadline), (after.StartedAt, after.Deadline));
        Assert.Equal(0, after.AutoScore);
    }

    [Fact]
    public async Task Answers_past_the_time_limit_are_refused_and_the_saved_ones_kept()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Advanced);
        var page = await StartAsync(browser, assessment);
        await browser.SubmitAsync(page, "#attempt", new Dictionary<string, string> { [Field(assessment, ItemKind.FreeText)] = "Saved in time" });
        var form = await browser.GetAsync($"/assessments/{assessment.Slug}");
        await app.WithDbAsync(db => db.Attempts.Where(a => a.ApplicantId == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Deadline, Now.AddSeconds(-1))));

        var refused = await browser.SubmitAsync(form, "#attempt", new Dictionary<string, string> { [Field(assessment, ItemKind.FreeText)] = "Too late" });

        Assert.Contains("Time ran out", refused.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.One("#attempt fieldset[disabled]"));
        var attempt = (await AttemptAsync(id, assessment))!;
        Assert.Equal("Saved in time", Assert.Single(attempt.Answers).Value);
        Assert.NotNull(attempt.ClosedAt);
    }

    [Fact]
    public async Task Applicants_not_advanced_from_general_stage_are_not_shown_the_assessment()
    {
        var assessment = await AssessmentAsync();
        var (browser, id) = await ApplicantAsync(ApplicationState.Submitted);

        var page = await browser.GetAsync($"/assessments/{assessment.Slug}");

        Assert.Equal(404, page.Status);
        Assert.DoesNotContain(assessment.Slug, (await browser.GetAsync("/assessments")).Text, StringComparison.Ordinal);
        Assert.Null(await AttemptAsync(id, assessment));
    }

    [Fact]
    public async Task Another_applicant_cannot_read_or_change_an_attempt()
    {
        var assessment = await AssessmentAsync();
        var (owner, ownerId) = await ApplicantAsync(ApplicationState.Advanced);
        var ownerPage = await StartAsync(owner, assessment);
        await owner.SubmitAsync(ownerPage, "#attempt", new Dictionary<string, string> { [Field(assessment, ItemKind.FreeText)] = "Mine" });
        var attemptId = (await AttemptAsync(ownerId, assessment))!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (outsider, _) = await ApplicantAsync(ApplicationState.Rejected);
        var (peer, peerId) = await ApplicantAsync(ApplicationState.Advanced);
        var token = (await outsider.GetAsync("/assessments")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var read = await outsider.GetAsync($"/assessments/{assessment.Slug}");
        using var write = await outsider.Client.PostAsync($"/assessments/{assessment.Slug}?handler=Save&attemptId={attemptId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["attemptId"] = attemptId, ["Attempt.Id"] = attemptId, [Field(assessment, ItemKind.FreeText)] = "Overwritten",
        }));
        var peerPage = await StartAsync(peer, assessment);
        await peer.SubmitAsync(peerPage, "#attempt", new Dictionary<string, string> { ["attemptId"] = attemptId, ["Attempt.Id"] = attemptId, [Field(assessment, ItemKind.FreeText)] = "Peer's own" });

        Assert.Equal(404, read.Status);
        Assert.Equal(404, (int)write.StatusCode);
        Assert.DoesNotContain("Mine", peerPage.Text, StringComparison.Ordinal);
        Assert.Equal("Mine", Assert.Single((await AttemptAsync(ownerId, assessment))!.Answers).Value);
        Assert.Equal("Peer's own", Assert.Single((await AttemptAsync(peerId, assessment))!.Answers).Value);
    }

    [Fact]
    public async Task An_admin_defines_an_assessment_with_checked_items_and_sees_the_scores()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var slug = $"impl-{Guid.NewGuid():N}"[..16];
        await admin.SubmitAsync(await admin.GetAsync("/admin/assessments/new"), "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Implementation", ["Input.Slug"] = slug, ["Input.Track"] = "empirical", ["Input.TimeLimitMinutes"] = "90",
            ["Input.OpensAt"] = Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"), ["Input.ClosesAt"] = Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm"),
        });
        var assessment = await app.WithDbAsync(db => db.Assessments.SingleAsync(a => a.Slug == slug));
        var itemForm = await admin.GetAsync($"/admin/assessments/{assessment.Id}/items/new");

        var refused = await admin.SubmitAsync(itemForm, "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Ordering", ["Input.Prompt"] = "Order them", ["Input.Points"] = "4", ["Input.ChoicesText"] = "A\nB\nC", ["Input.AnswerKey"] = "A\nB",
        });
        var added = await admin.SubmitAsync(itemForm, "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Numeric", ["Input.Prompt"] = "How many?", ["Input.Points"] = "3", ["Input.AnswerKey"] = "12", ["Input.Tolerance"] = "0.5",
        });

        Assert.NotNull(refused.One("#Input_AnswerKey-problem"));
        Assert.Contains("Saved", added.One(".notice")!.TextContent, StringComparison.Ordinal);
        var item = await app.WithDbAsync(db => db.Set<AssessmentItem>().SingleAsync(i => i.AssessmentId == assessment.Id));
        Assert.Equal((ItemKind.Numeric, "12", 0.5), (item.Kind, item.AnswerKey, item.Tolerance));

        var (applicant, applicantId) = await ApplicantAsync(ApplicationState.Advanced);
        var page = await applicant.SubmitAsync(await applicant.GetAsync($"/assessments/{slug}"), "form[action*='handler=Start']", new Dictionary<string, string>());
        await applicant.SubmitAsync(page, "#attempt", new Dictionary<string, string> { [$"item-{item.Id}"] = "12.3", ["intent"] = "submit" });
        var attempts = await admin.GetAsync($"/admin/assessments/{assessment.Id}/attempts");

        var email = await app.WithDbAsync(db => db.Users.Where(u => u.Id == applicantId).Select(u => u.Email!).SingleAsync());
        var row = attempts.All("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("handed in", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", row.QuerySelector("td.auto-score")!.TextContent.Trim());
        Assert.Contains("assessment.created", (await admin.GetAsync("/admin/audit?action=assessment.created")).Text, StringComparison.Ordinal);
    }
}

public sealed class AssessmentPagesOnSqlite(SqliteApp app) : AssessmentPageTests(app), IClassFixture<SqliteApp>;

public sealed class AssessmentPagesOnPostgres(PostgresApp app) : AssessmentPageTests(app), IClassFixture<PostgresApp>;
