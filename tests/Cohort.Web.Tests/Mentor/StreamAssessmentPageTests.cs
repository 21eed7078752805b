using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Mentor;

/// <summary>
/// A stream's follow-up assessment through the pages: its mentors set it with the admins' editor, the applicants the
/// stream is considering take it on the assessment pages, and the mentors see the scores; every other stream's
/// mentor and every other applicant gets 404.
/// </summary>
public abstract class StreamAssessmentPageTests(CohortApp app)
{
    private readonly StreamsStageData data = new(app);

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static string Editor(string stream) => $"/mentor/streams/{stream}/assessments";

    private Dictionary<string, string> ValidAssessment(string slug) => new()
    {
        ["Input.Title"] = "Coalition follow-up", ["Input.Slug"] = slug, ["Input.TimeLimitMinutes"] = "45",
        ["Input.OpensAt"] = Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"), ["Input.ClosesAt"] = Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
    };

    /// <summary>The antiforgery token of <paramref name="browser"/>'s session, from the sign-out form every page carries, so refused posts are refused for their address and not for a missing token.</summary>
    private static async Task<KeyValuePair<string, string>> TokenAsync(Browser browser) =>
        new("__RequestVerificationToken", (await browser.GetAsync("/")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);

    /// <summary>An assessment of <paramref name="stream"/> with one multiple-choice item, open now.</summary>
    private Task<Assessment> StreamAssessmentAsync(string stream) => app.WithDbAsync(async db =>
    {
        var owner = await db.Streams.SingleAsync(s => s.Slug == stream);
        var assessment = new Assessment
        {
            TrackId = owner.TrackId, StreamId = owner.Id, Slug = $"fu-{Guid.NewGuid():N}"[..20], Title = "Follow-up", TimeLimitMinutes = 30,
            OpensAt = Now.AddHours(-1), ClosesAt = Now.AddDays(1),
            Items = { new AssessmentItem { Kind = ItemKind.MultipleChoice, Points = 2, Prompt = "Pick", ChoicesText = "Yes\nNo", AnswerKey = "Yes" } },
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    });

    [Fact]
    public async Task A_mentor_sets_an_assessment_that_an_applicant_under_consideration_takes_and_the_mentor_sees_scored()
    {
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Keen on the follow-up");
        using var mentor = await app.AsAsync(Roles.Mentor);
        var slug = $"fu-{Guid.NewGuid():N}"[..20];

        var streamPage = await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}");
        var form = await mentor.GetAsync(streamPage.All("a").Single(a => a.TextContent == "Add an assessment").GetAttribute("href")!);
        var created = await mentor.SubmitAsync(form, "main form", ValidAssessment(slug));
        var assessment = await app.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Stream).SingleAsync(a => a.Slug == slug));
        var itemForm = await mentor.GetAsync($"{Editor(StreamsStageData.Coalition)}/{assessment.Id}/items/new");
        await mentor.SubmitAsync(itemForm, "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "MultipleChoice", ["Input.Prompt"] = "Which?", ["Input.Points"] = "3", ["Input.ChoicesText"] = "Left\nRight", ["Input.AnswerKey"] = "Right",
        });
        await mentor.SubmitAsync(itemForm, "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "FreeText", ["Input.Prompt"] = "Why?", ["Input.Points"] = "5", ["Input.RubricText"] = "Reasons given",
        });

        Assert.Contains("Saved", created.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StreamsStageData.Coalition, assessment.Stream!.Slug);
        Assert.Equal(assessment.Stream.TrackId, assessment.TrackId);
        Assert.Contains($"{Editor(StreamsStageData.Coalition)}/{assessment.Id}/edit",
            (await mentor.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}")).All("#assessments a").Select(a => a.GetAttribute("href")));
        string[] subjects = [$"assessment:{slug}", "assessmentitem:Which?", "assessmentitem:Why?"];
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == "mentor@demo.cohort.test" && subjects.Contains(e.Subject))
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(["assessment.created", "assessmentitem.created", "assessmentitem.created"], audited.Order());

        using var browser = await data.SignInAsync(applicant);
        var followUps = await browser.GetAsync($"/streams/apply/{StreamsStageData.Coalition}");
        var link = $"/assessments/{slug}";
        Assert.Contains(link, followUps.All("#stream-assessments a").Select(a => a.GetAttribute("href")));
        var started = await browser.SubmitAsync(await browser.GetAsync(link), "form[action*='handler=Start']", new Dictionary<string, string>());
        var items = await app.WithDbAsync(db => db.Set<AssessmentItem>().Where(i => i.AssessmentId == assessment.Id).ToListAsync());
        await browser.SubmitAsync(started, "#attempt", new Dictionary<string, string>
        {
            [$"item-{items.Single(i => i.Kind == ItemKind.MultipleChoice).Id}"] = "Right",
            [$"item-{items.Single(i => i.Kind == ItemKind.FreeText).Id}"] = "Because the right one is right",
            ["intent"] = "submit",
        });
        var portal = await browser.GetAsync("/portal");
        var view = await mentor.GetAsync($"/mentor/applications/{application}");

        Assert.Contains("Submitted", portal.All("[data-application=assessment]").Single(r => r.TextContent.Contains("Coalition follow-up", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var section = view.One($"[data-assessment='{slug}']")!;
        Assert.Contains("Handed in", section.QuerySelector("[data-attempt-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 of 3", section.QuerySelector("[data-auto-score]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Because the right one is right", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_of_another_stream_gets_404_for_the_streams_assessment_its_items_and_its_attempts()
    {
        var assessment = await StreamAssessmentAsync(StreamsStageData.Coalition);
        var item = assessment.Items.Single().Id;
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Only for the coalition");
        using var other = await data.SignInAsync(await data.NewMentorOfAsync(StreamsStageData.Internals));
        var own = Editor(StreamsStageData.Internals);
        var theirs = Editor(StreamsStageData.Coalition);
        string[] addresses =
        [
            $"{theirs}/new", $"{theirs}/{assessment.Id}/edit", $"{theirs}/{assessment.Id}/items/new", $"{theirs}/items/{item}/edit",
            $"{own}/{assessment.Id}/edit", $"{own}/{assessment.Id}/items/new", $"{own}/items/{item}/edit",
        ];

        var token = await TokenAsync(other);

        foreach (var address in addresses)
        {
            Assert.Equal(404, (await other.GetAsync(address)).Status);
            using var post = await other.Client.PostAsync(address, new FormUrlEncodedContent(ValidAssessment("stolen").Append(token).Concat(new Dictionary<string, string>
            {
                ["Input.Kind"] = "Numeric", ["Input.Prompt"] = "Hijacked", ["Input.AnswerKey"] = "1",
            })));
            Assert.True(post.StatusCode == System.Net.HttpStatusCode.NotFound, $"POST {address} answered {(int)post.StatusCode}");
        }

        Assert.Equal(404, (await other.GetAsync($"/mentor/applications/{application}")).Status);

        Assert.Equal(200, (await other.GetAsync($"{own}/new")).Status);
        var unchanged = await app.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Items).SingleAsync(a => a.Id == assessment.Id));
        Assert.Equal(("Follow-up", "Pick"), (unchanged.Title, unchanged.Items.Single().Prompt));
        Assert.False(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.Slug == "stolen")));
    }

    [Fact]
    public async Task An_applicant_not_under_consideration_by_the_stream_can_neither_see_nor_start_its_assessment()
    {
        var assessment = await StreamAssessmentAsync(StreamsStageData.Coalition);
        var elsewhere = await data.NewAsync();
        await data.ApplyAsync(elsewhere, StreamsStageData.Internals, "Another stream");
        using var browser = await data.SignInAsync(elsewhere);

        var page = await browser.GetAsync($"/assessments/{assessment.Slug}");
        using var start = await browser.Client.PostAsync($"/assessments/{assessment.Slug}?handler=Start", new FormUrlEncodedContent([await TokenAsync(browser)]));
        var list = await browser.GetAsync("/assessments");

        Assert.Equal(404, page.Status);
        Assert.Equal(404, (int)start.StatusCode);
        Assert.DoesNotContain(assessment.Slug, list.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Attempts.AnyAsync(a => a.AssessmentId == assessment.Id && a.ApplicantId == elsewhere.Id)));
    }

    [Fact]
    public async Task Bad_input_on_the_mentors_assessment_form_is_explained_and_nothing_is_saved()
    {
        using var mentor = await app.AsAsync(Roles.Mentor);
        var form = await mentor.GetAsync($"{Editor(StreamsStageData.Coalition)}/new");
        var taken = await app.WithDbAsync(db => db.Assessments.Where(a => a.StreamId == null).Select(a => a.Slug).FirstAsync());
        var backwards = ValidAssessment(taken);
        (backwards["Input.OpensAt"], backwards["Input.ClosesAt"]) = (backwards["Input.ClosesAt"], backwards["Input.OpensAt"]);
        backwards["Input.Title"] = "Backwards " + Guid.NewGuid().ToString("N");
        backwards["Input.TimeLimitMinutes"] = "5000";

        var refused = await mentor.SubmitAsync(form, "main form", backwards);

        Assert.Equal(200, refused.Status);
        var problems = refused.One(".problem[role=alert]")!.TextContent;
        Assert.Contains("already uses the slug", problems, StringComparison.Ordinal);
        Assert.Contains("1440", problems, StringComparison.Ordinal);
        Assert.NotNull(refused.One("#Input_ClosesAt-problem"));
        Assert.Equal(backwards["Input.Title"], refused.One("#Input_Title")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.Title == backwards["Input.Title"])));
    }
}

public sealed class StreamAssessmentPagesOnSqlite(SqliteApp app) : StreamAssessmentPageTests(app), IClassFixture<SqliteApp>;

public sealed class StreamAssessmentPagesOnPostgres(PostgresApp app) : StreamAssessmentPageTests(app), IClassFixture<PostgresApp>;
