using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>Reviewers score answers through /review: only reviewers and admins, blind to who the applicant is, every answer escaped.</summary>
public abstract class ReviewPageTests(CohortApp app)
{
    private const string Script = "<script>alert('x')</script>";

    private static readonly Dictionary<ItemKind, string> Answers = new()
    {
        [ItemKind.MultipleChoice] = "Yes", [ItemKind.FreeText] = "The prompt length changes.", [ItemKind.Code] = "def train_probe(): ...", [ItemKind.File] = "https://example.org/nb",
    };

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private Task<Assessment> AssessmentAsync() => app.WithDbAsync(db => AssessmentStageAttempts.AssessmentAsync(db, Now));

    /// <summary>A handed-in attempt by a new applicant whose name and email are unique canaries, so their absence can be asserted.</summary>
    private Task<(Attempt Attempt, string Name, string Email)> AttemptAsync(Assessment assessment, IReadOnlyDictionary<ItemKind, string>? answers = null, bool handedIn = true) =>
        app.WithDbAsync(async db =>
        {
            var (name, email) = ($"Canary Name {Guid.NewGuid():N}", $"canary-{Guid.NewGuid():N}@example.net");
            var id = await AssessmentStageAttempts.AccountAsync(db, name, email);
            return (await AssessmentStageAttempts.AttemptAsync(db, assessment, id, answers ?? Answers, Now, handedIn), name, email);
        });

    private static int Item(Assessment assessment, ItemKind kind) => assessment.Items.Single(i => i.Kind == kind).Id;

    private static string AnswerUrl(Attempt attempt, Assessment assessment, ItemKind kind) => $"/review/answers/{AssessmentStageAttempts.AnswerId(attempt, assessment, kind)}";

    private static Task<string> HtmlAsync(Browser.Page page) => page.Response.Content.ReadAsStringAsync();

    private Task<int> ReviewCountAsync(Attempt attempt) =>
        app.WithDbAsync(db => db.AnswerReviews.CountAsync(r => db.Set<AttemptAnswer>().Any(a => a.Id == r.AnswerId && a.AttemptId == attempt.Id)));

    [Fact]
    public async Task Applicants_and_mentors_without_the_reviewer_role_are_refused_every_review_endpoint()
    {
        var assessment = await AssessmentAsync();
        var (attempt, _, _) = await AttemptAsync(assessment);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.Trim('/')).Where(r => r.StartsWith("review", StringComparison.Ordinal)).ToList();
        var urls = routes.Select(r => "/" + r.Replace("{id:int}", r.Contains("answers", StringComparison.Ordinal)
            ? AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText).ToString(CultureInfo.InvariantCulture)
            : Item(assessment, ItemKind.FreeText).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        urls.Add($"/review/items/{Item(assessment, ItemKind.FreeText)}?handler=Next");
        Assert.Equal(9, routes.Count); // answers, items, the index, assignments (list, one, its CV, decline), and bids (rounds, one round)

        foreach (var role in new[] { Roles.Applicant, Roles.Mentor })
        {
            using var browser = await app.AsAsync(role);
            Assert.Null((await browser.GetAsync("/")).One("a[href='/review']"));
            foreach (var url in urls)
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    using var request = new HttpRequestMessage(method, url) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([new("Points", "5")]) : null };
                    using var response = await browser.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    // 405: the CV route takes GET only, so a POST reaches nothing.
                    var refused = status is 403 or 405 || (status == 302 && response.Headers.Location!.ToString() is var to
                        && (to.Contains("access-denied", StringComparison.Ordinal) || to.Contains("sign-in", StringComparison.Ordinal)));
                    Assert.True(refused, $"{method} {url} answered {status} {response.Headers.Location} to the demo {role}");
                }
            }
        }

        using var reviewer = await app.AsAsync(Roles.Reviewer);
        using var admin = await app.AsAsync(Roles.Admin);
        Assert.NotNull((await reviewer.GetAsync("/")).One("a[href='/review']"));
        Assert.Equal(200, (await reviewer.GetAsync(urls[0])).Status);
        // An admin scores only as a member of the pool, like anyone else; the admin attempts page shows them the answers.
        Assert.Equal(404, (await admin.GetAsync($"/review/items/{Item(assessment, ItemKind.FreeText)}")).Status);
        Assert.Equal(0, await ReviewCountAsync(attempt));
    }

    [Fact]
    public async Task A_reviewer_scores_the_queue_one_after_another_and_the_admin_sees_the_totals()
    {
        var assessment = await AssessmentAsync();
        var (first, _, firstEmail) = await AttemptAsync(assessment);
        var (second, _, secondEmail) = await AttemptAsync(assessment, new Dictionary<ItemKind, string>(Answers) { [ItemKind.MultipleChoice] = "No" });
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var freeText = Item(assessment, ItemKind.FreeText);

        var index = await reviewer.GetAsync("/review");
        var row = index.One($"#items tr[data-item='{freeText}']")!;
        var firstAnswer = await reviewer.OpenAsync($"/review/items/{freeText}?handler=Next");
        var secondAnswer = await reviewer.SubmitAsync(firstAnswer, "#score", new Dictionary<string, string> { ["Points"] = "3.5", ["Comment"] = "Names the confound." });
        var done = await reviewer.SubmitAsync(secondAnswer, "#score", new Dictionary<string, string> { ["Points"] = "2" });
        using var admin = await app.AsAsync(Roles.Admin);
        var attempts = await admin.GetAsync($"/admin/assessments/{assessment.Id}/attempts");

        Assert.Equal(("2", "2"), (row.QuerySelector(".unreviewed")!.TextContent, row.QuerySelector(".not-yours")!.TextContent));
        Assert.Equal(AnswerUrl(first, assessment, ItemKind.FreeText), firstAnswer.Url);
        Assert.Contains("Explain the confound", firstAnswer.Text, StringComparison.Ordinal);
        Assert.Contains("2 for the confound, 3 for the test", firstAnswer.One(".rubric")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AnswerUrl(second, assessment, ItemKind.FreeText), secondAnswer.Url);
        Assert.Contains($"Saved 3.5 of 5 for attempt #{first.Id}", secondAnswer.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("scored every answer", done.One(".notice")!.TextContent, StringComparison.Ordinal);
        foreach (var (attempt, email, points) in new[] { (first, firstEmail, 3.5), (second, secondEmail, 2.0) })
        {
            var cells = attempts.All("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
            Assert.Equal(points.ToString("0.##", CultureInfo.InvariantCulture), cells.QuerySelector(".reviewed-points")!.TextContent.Trim());
            Assert.Equal((attempt.AutoScore!.Value + points).ToString("0.##", CultureInfo.InvariantCulture), cells.QuerySelector(".total")!.TextContent.Trim());
            Assert.Equal("2", cells.QuerySelector(".awaiting-review")!.TextContent.Trim()); // code and file are not scored yet
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("")]
    public async Task Points_out_of_range_or_not_a_number_are_refused_with_a_message_and_nothing_changes(string points)
    {
        var assessment = await AssessmentAsync();
        var (attempt, _, _) = await AttemptAsync(assessment);
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var page = await reviewer.GetAsync(AnswerUrl(attempt, assessment, ItemKind.FreeText));

        var refused = await reviewer.SubmitAsync(page, "#score", new Dictionary<string, string> { ["Points"] = points, ["Comment"] = "Typed with care" });

        Assert.Equal(200, refused.Status);
        Assert.Contains("from 0 to 5", refused.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Typed with care", points), (refused.One("#Comment")!.TextContent, refused.One("#Points")!.GetAttribute("value") ?? ""));
        Assert.Equal(0, await ReviewCountAsync(attempt));
    }

    [Fact]
    public async Task A_reviewer_cannot_score_an_automatically_scored_item_or_an_open_attempt()
    {
        var assessment = await AssessmentAsync();
        var (closed, _, _) = await AttemptAsync(assessment);
        var (open, _, _) = await AttemptAsync(assessment, handedIn: false);
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var token = (await reviewer.GetAsync(AnswerUrl(closed, assessment, ItemKind.FreeText))).One("#score input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[] { AnswerUrl(closed, assessment, ItemKind.MultipleChoice), AnswerUrl(open, assessment, ItemKind.FreeText) })
        {
            using var post = await reviewer.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Points"] = "1" }));
            Assert.Equal(404, (int)post.StatusCode);
            Assert.Equal(404, (await reviewer.GetAsync(url)).Status);
        }

        Assert.Equal((0, 0), (await ReviewCountAsync(closed), await ReviewCountAsync(open)));
        var item = await reviewer.GetAsync($"/review/items/{Item(assessment, ItemKind.FreeText)}");
        Assert.DoesNotContain($"#{open.Id}", item.One("#answers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(404, (await reviewer.GetAsync($"/review/items/{Item(assessment, ItemKind.MultipleChoice)}")).Status);
    }

    /// <summary>Saves the season's blind settings; the default (nothing saved) hides everything.</summary>
    private Task SettingsAsync(BlindSettings settings) => app.WithDbAsync(async db => { await AssignedApplication.SaveSettingsAsync(db, settings); return 0; });

    [Fact]
    public async Task With_links_hidden_a_link_answer_is_not_a_link_and_links_in_text_are_taken_out()
    {
        await SettingsAsync(new BlindSettings());
        var assessment = await AssessmentAsync();
        var (attempt, _, _) = await AttemptAsync(assessment, new Dictionary<ItemKind, string>(Answers)
        {
            [ItemKind.FreeText] = "My write-up is at https://notes.example.org/mine, see it.",
        });
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var file = await reviewer.GetAsync(AnswerUrl(attempt, assessment, ItemKind.File));
        var text = await reviewer.GetAsync(AnswerUrl(attempt, assessment, ItemKind.FreeText));

        Assert.Empty(file.All("#answer a"));
        Assert.Equal(BlindRedaction.LinkHidden, file.One("#answer")!.TextContent.Trim());
        Assert.DoesNotContain("example.org", await HtmlAsync(file), StringComparison.Ordinal);
        Assert.Equal($"My write-up is at {BlindRedaction.LinkHidden} see it.", text.One("#answer")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_streams_follow_up_is_not_in_the_review_queue_since_the_streams_mentors_judge_it()
    {
        var assessment = await app.WithDbAsync(db => AssessmentStageAttempts.FollowUpAsync(db, Now, "control-coalition"));
        var (attempt, _, _) = await AttemptAsync(assessment);
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var index = await reviewer.GetAsync("/review");
        var token = index.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var answer = AnswerUrl(attempt, assessment, ItemKind.FreeText);

        using var post = await reviewer.Client.PostAsync(answer, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Points"] = "1" }));

        Assert.Equal(404, (int)post.StatusCode);
        Assert.Equal(404, (await reviewer.GetAsync(answer)).Status);
        Assert.Equal(404, (await reviewer.GetAsync($"/review/items/{Item(assessment, ItemKind.FreeText)}")).Status);
        Assert.Null(index.One($"a[href='/review/items/{Item(assessment, ItemKind.FreeText)}']"));
        Assert.Equal(0, await ReviewCountAsync(attempt));
    }

    [Fact]
    public async Task Answers_are_shown_escaped_code_in_a_pre_and_only_web_addresses_as_links()
    {
        await SettingsAsync(new BlindSettings { HideUrls = false });
        var assessment = await AssessmentAsync();
        var (hostile, _, _) = await AttemptAsync(assessment, new Dictionary<ItemKind, string>
        {
            [ItemKind.FreeText] = Script, [ItemKind.Code] = "if a < b:\n    " + Script, [ItemKind.File] = "javascript:alert(1)",
        });
        var (linked, _, _) = await AttemptAsync(assessment);
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var text = await reviewer.GetAsync(AnswerUrl(hostile, assessment, ItemKind.FreeText));
        var code = await reviewer.GetAsync(AnswerUrl(hostile, assessment, ItemKind.Code));
        var script = await reviewer.GetAsync(AnswerUrl(hostile, assessment, ItemKind.File));
        var link = await reviewer.GetAsync(AnswerUrl(linked, assessment, ItemKind.File));

        Assert.Equal(Script, text.One("#answer")!.TextContent.Trim());
        Assert.Equal("if a < b:\n    " + Script, code.One("#answer pre code")!.TextContent);
        foreach (var page in new[] { text, code })
        {
            Assert.DoesNotContain(Script, await HtmlAsync(page), StringComparison.Ordinal);
            Assert.Empty(page.All("#answer script"));
        }

        Assert.Empty(script.All("#answer a"));
        Assert.Contains("javascript:alert(1)", script.One("#answer")!.TextContent, StringComparison.Ordinal);
        var anchor = link.One("#answer a")!;
        Assert.Equal((Answers[ItemKind.File], "noopener noreferrer nofollow"), (anchor.GetAttribute("href"), anchor.GetAttribute("rel")));
    }

    [Fact]
    public async Task Review_pages_never_show_the_applicants_name_email_or_account_id()
    {
        var assessment = await AssessmentAsync();
        var (attempt, name, email) = await AttemptAsync(assessment);
        var applicantId = attempt.ApplicantId;
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var pages = new List<Browser.Page> { await reviewer.GetAsync("/review") };
        foreach (var kind in new[] { ItemKind.FreeText, ItemKind.Code, ItemKind.File })
        {
            pages.Add(await reviewer.GetAsync($"/review/items/{Item(assessment, kind)}"));
            var answer = await reviewer.GetAsync(AnswerUrl(attempt, assessment, kind));
            pages.Add(answer);
            pages.Add(await reviewer.SubmitAsync(answer, "#score", new Dictionary<string, string> { ["Points"] = "1" }));
            pages.Add(await reviewer.SubmitAsync(answer, "#score", new Dictionary<string, string> { ["Points"] = "not a number" }));
        }

        Assert.Equal(3, await ReviewCountAsync(attempt));
        foreach (var page in pages)
        {
            Assert.Equal(200, page.Status);
            var html = await HtmlAsync(page);
            Assert.True(page.Url == "/review" || html.Contains($"#{attempt.Id}", StringComparison.Ordinal), $"{page.Url} does not name the attempt");
            foreach (var secret in new[] { name, email, applicantId })
            {
                Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

public sealed class ReviewPagesOnSqlite(SqliteApp app) : ReviewPageTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewPagesOnPostgres(PostgresApp app) : ReviewPageTests(app), IClassFixture<PostgresApp>;
