using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// The round page's design for calibration: the bridging share and the anchors are set by admins only, bad input is
/// explained and changes nothing, and after assigning the page shows the cost in affinity and the share reached.
/// </summary>
public abstract class RoundDesignPageTests(CohortApp app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        await ReviewPool.ResetAsync(db);
        return 0;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Two research areas, two applications each, one review each, and two reviewers, one expert in each area.</summary>
    private Task<(int Round, int[] Applications)> RoundAsync() => app.WithDbAsync(async db =>
    {
        var question = await db.Set<Question>().SingleAsync(q => q.DefinesTopic);
        var applications = new List<int>();
        foreach (var (area, text) in new[] { ("Interpretability", "interpretability"), ("Interpretability", "interpretability"), ("AI control", "control"), ("AI control", "control") })
        {
            int id = await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"a-{Guid.NewGuid():N}@example.org"), motivation: text);
            db.Set<Answer>().Add(new Answer { ApplicationId = id, QuestionId = question.Id, Value = area });
            applications.Add(id);
        }

        await db.SaveChangesAsync();
        await ReviewPool.ReviewerAsync(db, await ReviewPool.PersonAsync(db, $"r1-{Guid.NewGuid():N}@review.example"), expertise: "interpretability", minLoad: 2, maxLoad: 2);
        await ReviewPool.ReviewerAsync(db, await ReviewPool.PersonAsync(db, $"r2-{Guid.NewGuid():N}@review.example"), expertise: "control", minLoad: 2, maxLoad: 2);
        return (await ReviewPool.RoundAsync(db, 1), applications.ToArray());
    });

    private Task<ReviewRound> StoredAsync(int round) => app.WithDbAsync(db => db.ReviewRounds.AsNoTracking().Include(r => r.Anchors).SingleAsync(r => r.Id == round));

    [Fact]
    public async Task The_admin_sets_the_share_assigns_and_sees_the_cost_and_the_share_reached()
    {
        var (round, _) = await RoundAsync();
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync($"/admin/review/rounds/{round}");
        Assert.Contains("Topics come from the research-area question: 2 topics", page.One("#design")!.TextContent, StringComparison.Ordinal);

        var saved = await admin.SubmitAsync(page, "#bridging", new Dictionary<string, string> { ["bridgingShare"] = "50" });
        var assigned = await admin.SubmitAsync(saved, "#assign", new Dictionary<string, string>());

        Assert.Equal("50% of each reviewer's load outside their main topic", saved.One("#bridging-share")!.TextContent);
        Assert.Equal(50, (await StoredAsync(round)).BridgingSharePercent);
        // Each reviewer must read one of their two outside their topic. Keyword points only (the fixture): one tag in its
        // own topic's answers, 0.1 a pair; 0.4 without bridging, 0.2 with it.
        Assert.Equal(("0.4", "0.2"), (assigned.One("#cost .affinity-without")!.TextContent, assigned.One("#cost .affinity-with")!.TextContent));
        Assert.StartsWith("0.2 (50.0%)", assigned.One("#cost .cost")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("50.0%", assigned.One("#cost .share-reached")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(assigned.One("#share-met"));
    }

    [Theory]
    [InlineData("abc", "“abc” is not")]
    [InlineData("-5", "“-5” is not")]
    [InlineData("51", "above half")]
    [InlineData("", "is not")]
    public async Task A_share_that_is_not_a_whole_percentage_up_to_half_is_refused_and_changes_nothing(string share, string message)
    {
        var (round, _) = await RoundAsync();
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/review/rounds/{round}"), "#bridging", new Dictionary<string, string> { ["bridgingShare"] = share });

        Assert.Equal(200, page.Status);
        Assert.Contains("The bridging share must be a whole percentage from 0 (off) to 50", page.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReviewRound.DefaultBridgingSharePercent, (await StoredAsync(round)).BridgingSharePercent);
    }

    [Fact]
    public async Task The_admin_marks_an_anchor_which_gets_its_readers_and_bad_anchors_are_refused()
    {
        var (round, applications) = await RoundAsync();
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync($"/admin/review/rounds/{round}");
        Assert.Equal("2", page.One("#readers")!.GetAttribute("value"));

        var tooMany = await admin.SubmitAsync(page, "#anchor", new Dictionary<string, string> { ["anchorSubjectId"] = $"{applications[0]}", ["readers"] = "3" });
        var notNumber = await admin.SubmitAsync(page, "#anchor", new Dictionary<string, string> { ["anchorSubjectId"] = "x", ["readers"] = "2" });
        var marked = await admin.SubmitAsync(page, "#anchor", new Dictionary<string, string> { ["anchorSubjectId"] = $"{applications[0]}", ["readers"] = "2" });

        Assert.Equal("An anchor's readers must be from 1 to 2, the size of the reviewer pool. Nothing was saved.", tooMany.One("#refusal")!.TextContent);
        Assert.StartsWith("Give the anchor's application number.", notNumber.One("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 readers", marked.One($"#anchors [data-anchor='{applications[0]}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single((await StoredAsync(round)).Anchors).Readers);
    }

    [Fact]
    public async Task Only_admins_set_the_share_or_the_anchors()
    {
        var (round, applications) = await RoundAsync();
        var posts = new[] { $"/admin/review/rounds/{round}?handler=Bridging", $"/admin/review/rounds/{round}?handler=Anchor", $"/admin/review/rounds/{round}?handler=Unanchor&subjectId={applications[0]}" };

        foreach (var role in new[] { Roles.Applicant, Roles.Reviewer, Roles.Mentor })
        {
            using var browser = await app.AsAsync(role);
            var token = (await browser.GetAsync("/")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var url in posts)
            {
                using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", token), new("bridgingShare", "0"), new("anchorSubjectId", $"{applications[0]}"), new("readers", "1")]));
                var status = (int)response.StatusCode;
                Assert.True(status == 403 || (status == 302 && response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal)),
                    $"POST {url} answered {status} to the demo {role}");
            }
        }

        var stored = await StoredAsync(round);
        Assert.Equal((ReviewRound.DefaultBridgingSharePercent, 0), (stored.BridgingSharePercent, stored.Anchors.Count));
    }
}

public sealed class RoundDesignPageOnSqlite(SqliteKeywordApp app) : RoundDesignPageTests(app), IClassFixture<SqliteKeywordApp>;

public sealed class RoundDesignPageOnPostgres(PostgresKeywordApp app) : RoundDesignPageTests(app), IClassFixture<PostgresKeywordApp>;
