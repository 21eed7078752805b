using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// Reviewers read their assigned applications blind, in pages and in the API, score them with the round's rubric, and
/// cannot open anyone else's assignment.
/// </summary>
public abstract class BlindReviewTests(CohortApp app)
{
    private const string Script = "<script>alert('x')</script>";

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private async Task<AssignedApplication> AssignedAsync(ReviewRoundState state = ReviewRoundState.Open, string? reviewerEmail = null, string? motivation = null)
    {
        await app.WithDbAsync(async db => { await AssignedApplication.HideEverythingAsync(db); return 0; });
        return await app.WithDbAsync(db => AssignedApplication.SeedAsync(db, Now, state, reviewerEmail, motivation));
    }

    private static string Url(AssignedApplication assigned) => $"/review/assignments/{assigned.AssignmentId}";

    /// <summary>The review form's fields: a value per criterion (null leaves it out), the recommendation and a comment.</summary>
    private static Dictionary<string, string> Review(AssignedApplication assigned, string?[] values, string recommendation, string comment = "Careful work.")
    {
        var fields = new Dictionary<string, string> { ["Recommendation"] = recommendation, ["Comment"] = comment };
        foreach (var (criterion, value) in assigned.Criteria.Zip(values))
        {
            if (value is not null)
            {
                fields[$"Scores[{criterion.Id}]"] = value;
            }
        }

        return fields;
    }

    private Task<ReviewSubmission?> StoredAsync(AssignedApplication assigned) =>
        app.WithDbAsync(db => db.ReviewSubmissions.Include(r => r.Scores).SingleOrDefaultAsync(r => r.AssignmentId == assigned.AssignmentId));

    private static async Task<string> EverythingOfAsync(HttpResponseMessage response) =>
        string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"))
        + "\n" + await response.Content.ReadAsStringAsync();

    /// <summary>Every response a reviewer got in a test, by what it was, to search each for canaries.</summary>
    private sealed class Responses
    {
        private readonly List<(string What, HttpResponseMessage Response)> kept = [];

        public void Add(string what, HttpResponseMessage response) => kept.Add((what, response));

        public async Task<Browser.Page> KeepAsync(string what, Task<Browser.Page> fetching)
        {
            var page = await fetching;
            Add(what, page.Response);
            return page;
        }

        public HttpResponseMessage Of(string what) => kept.Single(r => r.What == what).Response;

        /// <summary>Each response answered 200 and shows no canary, whole or in part, in its headers or its body.</summary>
        public async Task AssertNoneShowsAsync(Canaries canaries)
        {
            foreach (var (what, response) in kept)
            {
                Assert.Equal(200, (int)response.StatusCode);
                var everything = await EverythingOfAsync(response);
                foreach (var secret in canaries.Secrets)
                {
                    Assert.False(everything.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The {what} response shows “{secret}”");
                }
            }
        }
    }

    [Fact]
    public async Task No_identity_canary_reaches_a_reviewer_in_any_page_api_response_or_download()
    {
        var assigned = await AssignedAsync();
        var canaries = assigned.Canaries;
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var responses = new Responses();

        var list = await responses.KeepAsync("list", reviewer.GetAsync("/review/assignments"));
        await responses.KeepAsync("review home", reviewer.GetAsync("/review"));
        var detail = await responses.KeepAsync("detail", reviewer.GetAsync(Url(assigned)));
        responses.Add("api before", await reviewer.Client.GetAsync("/api/review/assignments"));
        var refused = await responses.KeepAsync("refused submit", reviewer.SubmitAsync(detail, "#review", Review(assigned, ["4", null], "Accept"), follow: false));
        var saved = await responses.KeepAsync("saved submit", reviewer.SubmitAsync(detail, "#review", Review(assigned, ["4", "7"], "Accept")));
        responses.Add("api after", await reviewer.Client.GetAsync("/api/review/assignments"));
        using var cv = await reviewer.Client.GetAsync(Url(assigned) + "/cv");

        Assert.NotNull(list.One($"#assignments a[href='{Url(assigned)}']"));
        Assert.Contains($"Application R-{assigned.AssignmentId}", list.Text, StringComparison.Ordinal);
        Assert.Equal(200, refused.Status);
        Assert.NotNull(saved.One("#review"));
        Assert.Contains("Saved your review", saved.Text, StringComparison.Ordinal);
        Assert.Equal(404, (int)cv.StatusCode); // hiding everything withholds the CV: a PDF cannot be redacted
        Assert.Null(detail.One("a.cv"));
        Assert.Contains("The CV is withheld", detail.One("#hidden-from-you")!.TextContent, StringComparison.Ordinal);
        await responses.AssertNoneShowsAsync(canaries);

        foreach (var what in new[] { "detail", "api before", "api after", "saved submit" })
        {
            var everything = await EverythingOfAsync(responses.Of(what));
            Assert.Contains(canaries.Visible, everything, StringComparison.Ordinal);
            Assert.Contains("Interpretability, Evaluations", everything, StringComparison.Ordinal);
            Assert.Contains(BlindRedaction.LinkHidden, everything, StringComparison.Ordinal);
            Assert.Contains(BlindRedaction.NameHidden, everything, StringComparison.Ordinal);
            Assert.Contains(BlindRedaction.OrganisationHidden, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_identity_canary_in_an_assessment_answer_or_the_general_application_reaches_a_reviewer_in_any_view()
    {
        await app.WithDbAsync(async db => { await AssignedApplication.HideEverythingAsync(db); return 0; });
        var assigned = await app.WithDbAsync(db => AssignedApplication.SeedAsync(db, Now, stage: StageKind.Assessment));
        var canaries = assigned.Canaries;
        var assessment = await app.WithDbAsync(db => AssessmentStageAttempts.AssessmentAsync(db, Now));
        var attempt = await app.WithDbAsync(db => AssessmentStageAttempts.AttemptAsync(db, assessment, assigned.ApplicantId, new Dictionary<ItemKind, string>
        {
            [ItemKind.FreeText] = canaries.Motivation,
            [ItemKind.Code] = $"# by {canaries.Name} <{canaries.Email}>, {canaries.Institution}, born {canaries.DateOfBirth}\nprint('{canaries.Visible}')",
            [ItemKind.File] = canaries.Url,
        }, Now));
        string Answer(ItemKind kind) => $"/review/answers/{AssessmentStageAttempts.AnswerId(attempt, assessment, kind)}";
        string Item(ItemKind kind) => $"/review/items/{assessment.Items.Single(i => i.Kind == kind).Id}";
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var responses = new Responses();

        await responses.KeepAsync("review home", reviewer.GetAsync("/review"));
        foreach (var kind in new[] { ItemKind.FreeText, ItemKind.Code, ItemKind.File })
        {
            await responses.KeepAsync($"{kind} item", reviewer.GetAsync(Item(kind)));
            var answer = await responses.KeepAsync($"{kind} answer", reviewer.GetAsync(Answer(kind)));
            await responses.KeepAsync($"{kind} refused score", reviewer.SubmitAsync(answer, "#score", new Dictionary<string, string> { ["Points"] = "many" }, follow: false));
        }

        var next = await responses.KeepAsync("next", reviewer.OpenAsync(Item(ItemKind.FreeText) + "?handler=Next"));
        await responses.KeepAsync("saved score", reviewer.SubmitAsync(await reviewer.GetAsync(Answer(ItemKind.FreeText)), "#score", new Dictionary<string, string> { ["Points"] = "1" }));
        await responses.KeepAsync("assignments", reviewer.GetAsync("/review/assignments"));
        var detail = await responses.KeepAsync("assignment", reviewer.GetAsync(Url(assigned)));
        responses.Add("api", await reviewer.Client.GetAsync("/api/review/assignments"));
        using var cv = await reviewer.Client.GetAsync(Url(assigned) + "/cv");

        Assert.Equal(404, (int)cv.StatusCode);
        await responses.AssertNoneShowsAsync(canaries);

        Assert.Contains(canaries.Visible, next.One("#answer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(BlindRedaction.OrganisationHidden, next.One("#answer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"print('{canaries.Visible}')", detail.One(".blind-section pre code")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(BlindRedaction.DateOfBirthHidden, detail.One(".blind-section pre code")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(detail.All(".blind-section h2"), h => h.TextContent == $"Assessment: {assessment.Title}");
    }

    [Fact]
    public async Task A_cv_the_settings_show_downloads_under_a_neutral_name_and_is_never_cached()
    {
        var assigned = await AssignedAsync();
        await app.WithDbAsync(async db => { await AssignedApplication.SaveSettingsAsync(db, new BlindSettings { HideCv = false }); return 0; });
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var detail = await reviewer.GetAsync(Url(assigned));
        using var cv = await reviewer.Client.GetAsync(Url(assigned) + "/cv");

        Assert.Equal(BlindApplication.CvLabel, detail.One("a.cv")!.TextContent);
        Assert.DoesNotContain(assigned.Canaries.CvFileName, await detail.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(assigned.Cv, await cv.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", cv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"application-R{assigned.AssignmentId}.pdf", cv.Content.Headers.ContentDisposition!.FileNameStar ?? cv.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.True(cv.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task A_reviewer_opening_someone_elses_assignment_or_one_of_a_draft_round_gets_403_and_an_admin_only_reads()
    {
        var others = await AssignedAsync(reviewerEmail: DemoSeason(Roles.Admin));
        var draft = await AssignedAsync(ReviewRoundState.Draft);
        var own = await AssignedAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        using var adminBrowser = await app.AsAsync(Roles.Admin);
        var token = (await reviewer.GetAsync(Url(own))).One("#review input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var assigned in new[] { others, draft })
        {
            Assert.Equal(403, (await reviewer.GetAsync(Url(assigned))).Status);
            Assert.Equal(403, (int)(await reviewer.Client.GetAsync(Url(assigned) + "/cv")).StatusCode);
            using var post = await reviewer.Client.PostAsync(Url(assigned), new FormUrlEncodedContent(Review(assigned, ["4", "7"], "Accept")
                .Append(new("__RequestVerificationToken", token))));
            Assert.Equal(403, (int)post.StatusCode);
            Assert.Null(await StoredAsync(assigned));
        }

        var api = await reviewer.Client.GetStringAsync("/api/review/assignments");
        Assert.DoesNotContain($"\"id\":{others.AssignmentId},", api, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"id\":{draft.AssignmentId},", api, StringComparison.Ordinal);
        var read = await adminBrowser.GetAsync(Url(draft));
        Assert.Equal(200, read.Status);
        Assert.Null(read.One("#review"));
        Assert.NotNull(read.One("#read-only"));
        // Read through the reviewer's pages, an admin sees what a reviewer would: the settings withhold the CV.
        Assert.Equal(404, (int)(await adminBrowser.Client.GetAsync(Url(draft) + "/cv")).StatusCode);
        Assert.Equal(404, (await reviewer.GetAsync("/review/assignments/987654")).Status);
    }

    [Fact]
    public async Task Submitting_stores_every_score_and_the_weighted_overall_and_can_be_changed_until_the_round_closes()
    {
        var assigned = await AssignedAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var (taste, depth) = (assigned.Criteria[0], assigned.Criteria[1]);
        double Expected(int tasteValue, int depthValue) =>
            (taste.Weight * 10.0 * (tasteValue - taste.ScaleMin) / (taste.ScaleMax - taste.ScaleMin)
             + depth.Weight * 10.0 * (depthValue - depth.ScaleMin) / (depth.ScaleMax - depth.ScaleMin)) / (taste.Weight + depth.Weight);

        var form = await reviewer.GetAsync(Url(assigned));
        var first = await reviewer.SubmitAsync(form, "#review", Review(assigned, ["4", "7"], "Accept", "Sharp question."));
        var afterFirst = await StoredAsync(assigned);
        var second = await reviewer.SubmitAsync(first, "#review", Review(assigned, ["2", "10"], "Borderline", "On reflection, less sharp."));
        var afterSecond = await StoredAsync(assigned);
        await app.WithDbAsync(async db => await db.ReviewRounds.Where(r => r.Id == assigned.RoundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewRoundState.Closed)));
        var closed = await reviewer.GetAsync(Url(assigned));

        Assert.Contains("Picks the question that matters", form.One($"label[for='c{taste.Id}-5']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((5, 11), (form.All($"input[name='Scores[{taste.Id}]']").Count, form.All($"input[name='Scores[{depth.Id}]']").Count));
        Assert.Equal(Expected(4, 7), afterFirst!.Overall, 9);
        Assert.Equal((Core.Review.Recommendation.Borderline, "On reflection, less sharp."), (afterSecond!.Recommendation, afterSecond.Comment));
        Assert.Equal(Expected(2, 10), afterSecond.Overall, 9);
        Assert.Equal(afterFirst.Id, afterSecond.Id);
        Assert.Equal(new[] { (taste.Id, 2), (depth.Id, 10) }, afterSecond.Scores.OrderBy(s => s.CriterionId).Select(s => (s.CriterionId, s.Value)));
        Assert.NotNull(second.One($"input[name='Scores[{taste.Id}]'][value='2'][checked]"));
        var (state, audits) = await app.WithDbAsync(async db => (
            await db.ReviewAssignments.Where(a => a.Id == assigned.AssignmentId).Select(a => a.State).SingleAsync(),
            await db.AuditEntries.Where(e => e.Subject == $"assignment:{assigned.AssignmentId}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
        Assert.Equal(AssignmentState.Submitted, state);
        Assert.Equal(new[] { "review.submitted", "review.updated" }, audits);
        Assert.Null(closed.One("#review"));
        Assert.Contains("2 of 1–5", closed.One("#submitted-review")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6", "7", "Accept", "from 1 to 5")]
    [InlineData("0", "7", "Accept", "from 1 to 5")]
    [InlineData("4", "11", "Accept", "from 0 to 10")]
    [InlineData("4", "", "Accept", "from 0 to 10")]
    [InlineData("4.5", "7", "Accept", "from 1 to 5")]
    [InlineData("4", "7", "", "Choose an overall recommendation")]
    [InlineData("4", "7", "2", "Choose an overall recommendation")]
    public async Task Out_of_scale_or_missing_values_are_refused_with_a_clear_message_and_nothing_is_stored(string taste, string depth, string recommendation, string message)
    {
        var assigned = await AssignedAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var form = await reviewer.GetAsync(Url(assigned));

        var refused = await reviewer.SubmitAsync(form, "#review", Review(assigned, [taste, depth], recommendation, "Kept as typed"), follow: false);

        Assert.Equal(200, refused.Status);
        Assert.Contains(message, refused.One("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept as typed", refused.One("#Comment")!.TextContent);
        Assert.Null(await StoredAsync(assigned));
        Assert.Equal(AssignmentState.Assigned, await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assigned.AssignmentId).Select(a => a.State).SingleAsync()));
    }

    [Fact]
    public async Task Answers_with_markup_are_shown_escaped_in_the_page_and_the_api()
    {
        var assigned = await AssignedAsync(motivation: Script);
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var page = await reviewer.GetAsync(Url(assigned));
        var html = await page.Response.Content.ReadAsStringAsync();
        using var api = await reviewer.Client.GetAsync("/api/review/assignments");
        using var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Contains(page.All(".text-answer"), e => e.TextContent == Script);
        Assert.Empty(page.All(".blind-section script"));
        // The API hands the answer back as data, never as markup: JSON, not sniffable as HTML.
        Assert.Equal("application/json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        var mine = json.RootElement.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == assigned.AssignmentId);
        Assert.Contains(mine.GetProperty("application").GetProperty("sections").EnumerateArray().SelectMany(x => x.GetProperty("answers").EnumerateArray()),
            answer => answer.GetProperty("text").GetString() == Script);
    }

    [Fact]
    public async Task The_rubric_editor_refuses_bad_criteria_with_messages_and_saves_good_ones_in_the_chosen_order()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var name = $"Rubric {Guid.NewGuid():N}"[..20];
        var form = await admin.GetAsync("/admin/rubrics/new");

        var refused = await admin.SubmitAsync(form, "#rubric", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.NewCriterion.Name"] = "Taste", ["Input.NewCriterion.ScaleMin"] = "5", ["Input.NewCriterion.ScaleMax"] = "1",
            ["Input.NewCriterion.AnchorsText"] = "9: far too high\nnot an anchor", ["Input.NewCriterion.Weight"] = "0",
        }, follow: false);
        var created = await admin.SubmitAsync(form, "#rubric", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.NewCriterion.Name"] = "Taste", ["Input.NewCriterion.ScaleMin"] = "1", ["Input.NewCriterion.ScaleMax"] = "5",
            ["Input.NewCriterion.AnchorsText"] = "1: none\n5: excellent", ["Input.NewCriterion.Weight"] = "0.5",
        });
        var rubricId = await app.WithDbAsync(db => db.Rubrics.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
        var edit = await admin.GetAsync($"/admin/rubrics/{rubricId}/edit");
        var badAnchor = await admin.SubmitAsync(edit, "#rubric", new Dictionary<string, string>
        {
            ["Input.NewCriterion.Name"] = "Depth", ["Input.NewCriterion.AnchorsText"] = "0: below the scale",
        }, follow: false);
        await admin.SubmitAsync(edit, "#rubric", new Dictionary<string, string>
        {
            ["Input.NewCriterion.Name"] = "Depth", ["Input.NewCriterion.Order"] = "0", ["Input.NewCriterion.ScaleMax"] = "10",
        });
        var criteria = await app.WithDbAsync(db => db.Set<RubricCriterion>().Where(c => c.RubricId == rubricId).OrderBy(c => c.Position).ToListAsync());

        Assert.Equal(200, refused.Status);
        var problems = refused.One("[role=alert]")!.TextContent;
        foreach (var message in new[] { "maximum must be above its minimum", "“not an anchor” is not an anchor", "weight must be a number above 0" })
        {
            Assert.Contains(message, problems, StringComparison.Ordinal);
        }

        Assert.Contains("Saved the rubric", created.Text, StringComparison.Ordinal);
        Assert.Contains("The anchor for 0 is outside the scale 1–5", badAnchor.One("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new[] { ("Depth", 1, 10, 1.0), ("Taste", 1, 5, 0.5) }, criteria.Select(c => (c.Name, c.ScaleMin, c.ScaleMax, c.Weight)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"rubric:{name}")));
    }

    [Fact]
    public async Task The_blind_settings_page_hides_everything_until_saved_and_saves_the_chosen_questions()
    {
        await app.WithDbAsync(db => db.BlindSettings.ExecuteDeleteAsync());
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync("/admin/blind");
        var saved = await admin.SubmitAsync(page, "#blind", new Dictionary<string, string>
        {
            ["Input.HideUrls"] = "false", ["Input.HideCv"] = "false", ["Input.HiddenKeys"] = "current-role",
        });
        var settings = await app.WithDbAsync(db => db.BlindSettings.SingleAsync());

        Assert.NotNull(page.One("#default"));
        Assert.All(new[] { "HideName", "HideContact", "HideOrganisation", "HideDateOfBirth", "HideUrls", "HideCv", "HideCvFileName" },
            field => Assert.True(page.One($"#Input_{field}")!.HasAttribute("checked"), field));
        Assert.NotNull(page.One("input[name='Input.HiddenKeys'][value='full-name']"));
        Assert.Equal("Organisation", page.One("input[name='Input.HiddenKeys'][value='organisation']")!.ParentElement!.GetAttribute("data-identity"));
        Assert.Contains("A CV identifies its author", page.One("#pdf-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(BlindPromise.ForApplicants(new BlindSettings()), page.One("#promise")!.TextContent);
        Assert.Null(saved.One("#default"));
        Assert.Equal((true, true, false, false, "current-role"), (settings.HideName, settings.HideOrganisation, settings.HideUrls, settings.HideCv, settings.HiddenQuestionKeysText));
        Assert.Contains("Reviewers can read your CV as you uploaded it", saved.One("#promise")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "blindsettings.created")));
    }

    [Fact]
    public async Task Streams_stage_shows_the_streams_answers_and_assessment_stage_the_assessment_answers_without_hidden_questions()
    {
        var data = new StreamsStageData(app);
        var applicant = await data.NewAsync();
        var (visible, hidden) = ($"visible{Guid.NewGuid():N}", $"idcanary{Guid.NewGuid():N}");
        var streamApplicationId = await data.ApplyAsync(applicant, StreamsStageData.Coalition, visible);
        var assessment = await app.WithDbAsync(db => AssessmentStageAttempts.AssessmentAsync(db, Now));
        await app.WithDbAsync(db => AssessmentStageAttempts.AttemptAsync(db, assessment, applicant.Id,
            new Dictionary<Core.Assessments.ItemKind, string> { [Core.Assessments.ItemKind.FreeText] = $"stage two {visible}", [Core.Assessments.ItemKind.Code] = "print('probe')" }, Now));
        var (streamsStage, assessmentStage) = await app.WithDbAsync(async db =>
        {
            var pitch = await db.StreamAnswers.SingleAsync(a => a.ApplicantId == applicant.Id && db.StreamQuestions.Any(q => q.Id == a.QuestionId && q.Key == "own-pitch"));
            pitch.Value = hidden;
            await db.SaveChangesAsync();
            await AssignedApplication.HideAsync(db, "own-pitch");
            var reviewerId = await AssignedApplication.DemoReviewerIdAsync(db);
            var streamId = await db.Streams.Where(s => s.Slug == StreamsStageData.Coalition).Select(s => s.Id).SingleAsync();
            var generalId = await db.Applications.Where(a => a.ApplicantId == applicant.Id).Select(a => a.Id).SingleAsync();
            return ((await AssignedApplication.AssignAsync(db, Now, StageKind.Streams, streamId, streamApplicationId, reviewerId)).AssignmentId,
                (await AssignedApplication.AssignAsync(db, Now, StageKind.Assessment, null, generalId, reviewerId)).AssignmentId);
        });
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var streamPage = await reviewer.GetAsync($"/review/assignments/{streamsStage}");
        var attemptPage = await reviewer.GetAsync($"/review/assignments/{assessmentStage}");

        Assert.Contains(visible, streamPage.One(".blind-section")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("monitoring protocol", streamPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, await streamPage.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"stage two {visible}", attemptPage.Text, StringComparison.Ordinal);
        Assert.Contains("Explain the confound", attemptPage.Text, StringComparison.Ordinal);
        Assert.Equal("print('probe')", attemptPage.One(".blind-section pre code")!.TextContent);
        Assert.DoesNotContain(applicant.Email, await attemptPage.Response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static string DemoSeason(string role) => Cohort.Demo.DemoSeason.Accounts.Single(a => a.Role == role).Email;
}

public sealed class BlindReviewOnSqlite(SqliteApp app) : BlindReviewTests(app), IClassFixture<SqliteApp>;

public sealed class BlindReviewOnPostgres(PostgresApp app) : BlindReviewTests(app), IClassFixture<PostgresApp>;
