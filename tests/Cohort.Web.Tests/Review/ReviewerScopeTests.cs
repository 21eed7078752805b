using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// Holding the Reviewer role is not enough: only a reviewer in the current season's pool reads and scores, never an
/// applicant they conflict with, and never once the stage is decided. Everything else answers 404 and saves nothing.
/// </summary>
public abstract class ReviewerScopeTests(CohortApp app)
{
    private const string Password = "a long enough passphrase";

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>A reviewer account (the role, a password) at <paramref name="domain"/>, in the current pool unless <paramref name="inPool"/> is false.</summary>
    private async Task<(string Id, string Email)> ReviewerAsync(bool inPool = true, string domain = "reviewers.example.org", string organisation = "")
    {
        var email = $"reviewer-{Guid.NewGuid():N}@{domain}";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Scoped Reviewer", Roles.Reviewer, Actor.System)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        if (inPool)
        {
            await ReviewPool.ReviewerAsync(db, id, organisation);
        }

        return (id, email);
    }

    /// <summary>
    /// An applicant at <paramref name="domain"/> naming <paramref name="organisation"/>, awaiting the stage 2 decision,
    /// with a handed-in attempt and a stage 2 review assignment to <paramref name="reviewerId"/>.
    /// </summary>
    private Task<Subject> SubjectAsync(string reviewerId, string domain = "example.net", string organisation = "") => app.WithDbAsync(async db =>
    {
        var applicantId = await AssessmentStageAttempts.AccountAsync(db, "Scoped Applicant", $"applicant-{Guid.NewGuid():N}@{domain}");
        var applicationId = await ReviewPool.ApplicationAsync(db, applicantId, organisation, "Careful work.");
        await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ApplicationState.Advanced));
        await GeneralApplications.PutAssessmentEntryAsync(db, applicationId, ApplicationState.Submitted);
        var assessment = await AssessmentStageAttempts.AssessmentAsync(db, Now);
        var attempt = await AssessmentStageAttempts.AttemptAsync(db, assessment, applicantId, new Dictionary<ItemKind, string> { [ItemKind.FreeText] = "The prompt length changes." }, Now);
        var (assignmentId, _, criteria) = await AssignedApplication.AssignAsync(db, Now, StageKind.Assessment, null, applicationId, reviewerId);
        var item = assessment.Items.Single(i => i.Kind == ItemKind.FreeText).Id;
        return new Subject(applicantId, applicationId, item, AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText), assignmentId, criteria);
    });

    private sealed record Subject(string ApplicantId, int ApplicationId, int ItemId, int AnswerId, int AssignmentId, IReadOnlyList<RubricCriterion> Criteria)
    {
        public string Answer => $"/review/answers/{AnswerId}";

        public string Item => $"/review/items/{ItemId}";

        public string Assignment => $"/review/assignments/{AssignmentId}";

        public Dictionary<string, string> Review => new(Criteria.Select(c => KeyValuePair.Create($"Scores[{c.Id}]", c.ScaleMin.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            ["Recommendation"] = "Accept",
        };
    }

    /// <summary>POSTs a form as the browser's own session would, with an antiforgery token taken from a page it may see.</summary>
    private static async Task<int> PostAsync(Browser browser, string url, Dictionary<string, string> values)
    {
        var token = (await browser.GetAsync("/")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(values.Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        return (int)response.StatusCode;
    }

    private Task<(int Scores, int Reviews)> StoredByAsync(string reviewerId) => app.WithDbAsync(async db => (
        await db.AnswerReviews.CountAsync(r => r.ReviewerId == reviewerId),
        await db.ReviewSubmissions.CountAsync(r => db.ReviewAssignments.Any(a => a.Id == r.AssignmentId && a.ReviewerId == reviewerId))));

    /// <summary>Every reviewer URL of <paramref name="subject"/> answers 404 to <paramref name="browser"/>, reading and posting, and nothing is saved.</summary>
    private async Task AssertShutOutAsync(Browser browser, string reviewerId, Subject subject)
    {
        foreach (var url in new[] { subject.Answer, subject.Assignment, subject.Assignment + "/cv" })
        {
            Assert.Equal(404, (await browser.GetAsync(url)).Status);
        }

        Assert.Equal(404, await PostAsync(browser, subject.Answer, new() { ["Points"] = "3" }));
        Assert.Equal(404, await PostAsync(browser, subject.Assignment, subject.Review));
        Assert.DoesNotContain($"\"id\":{subject.AssignmentId},", await browser.Client.GetStringAsync("/api/review/assignments"), StringComparison.Ordinal);
        Assert.Null((await browser.GetAsync("/review/assignments")).One($"a[href='{subject.Assignment}']"));
        Assert.Equal((0, 0), await StoredByAsync(reviewerId));
    }

    [Fact]
    public async Task A_reviewer_role_account_without_a_current_profile_gets_404_everywhere_and_its_scores_are_refused()
    {
        var never = await ReviewerAsync(inPool: false);
        var removed = await ReviewerAsync();
        var (neverSubject, removedSubject) = (await SubjectAsync(never.Id), await SubjectAsync(removed.Id));
        using var neverBrowser = await app.AsAsync(never.Email, Password);
        using var removedBrowser = await app.AsAsync(removed.Email, Password);
        Assert.Equal(200, (await removedBrowser.GetAsync(removedSubject.Answer)).Status);
        Assert.Equal(200, (await removedBrowser.GetAsync(removedSubject.Assignment)).Status);

        // Out of the pool with the role left behind: the stale reviewer of the finding.
        await app.WithDbAsync(db => db.ReviewerProfiles.Where(p => p.UserId == removed.Id).ExecuteDeleteAsync());

        foreach (var (browser, reviewer, subject) in new[] { (neverBrowser, never.Id, neverSubject), (removedBrowser, removed.Id, removedSubject) })
        {
            await AssertShutOutAsync(browser, reviewer, subject);
            Assert.Equal(404, (await browser.GetAsync(subject.Item)).Status);
            Assert.Equal(404, (await browser.GetAsync(subject.Item + "?handler=Next")).Status);
            Assert.NotNull((await browser.GetAsync("/review")).One("#not-in-pool"));
        }
    }

    [Fact]
    public async Task A_reviewer_with_a_declared_or_detected_conflict_gets_404_on_that_applicant_and_its_scores_are_refused()
    {
        var organisation = $"Wexcombe Lab {Guid.NewGuid():N}";
        var domain = $"{Guid.NewGuid():N}.example.org";
        var declared = await ReviewerAsync();
        var sameOrganisation = await ReviewerAsync(organisation: organisation.ToUpperInvariant());
        var sameDomain = await ReviewerAsync(domain: domain);
        var cases = new[]
        {
            (declared, await SubjectAsync(declared.Id)),
            (sameOrganisation, await SubjectAsync(sameOrganisation.Id, organisation: organisation)),
            (sameDomain, await SubjectAsync(sameDomain.Id, domain: domain)),
        };
        await app.WithDbAsync(async db =>
        {
            await ReviewPool.DeclareAsync(db, await db.ReviewerProfiles.Where(p => p.UserId == declared.Id).Select(p => p.Id).SingleAsync(), cases[0].Item2.ApplicantId);
            return 0;
        });
        var control = await SubjectAsync(declared.Id);

        foreach (var ((id, email), subject) in cases)
        {
            using var browser = await app.AsAsync(email, Password);
            await AssertShutOutAsync(browser, id, subject);
            Assert.DoesNotContain($"/review/answers/{subject.AnswerId}\"", await (await browser.GetAsync(subject.Item)).Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var unconflicted = await app.AsAsync(declared.Email, Password);
        Assert.Equal(200, (await unconflicted.GetAsync(control.Answer)).Status);
        Assert.Equal(302, await PostAsync(unconflicted, control.Answer, new() { ["Points"] = "3" }));
        Assert.Equal(1, (await StoredByAsync(declared.Id)).Scores);
    }

    [Fact]
    public async Task Once_the_stage_is_decided_its_answers_leave_the_queue_and_its_review_is_read_only()
    {
        var reviewer = await ReviewerAsync();
        var subject = await SubjectAsync(reviewer.Id);
        using var browser = await app.AsAsync(reviewer.Email, Password);
        Assert.NotNull((await browser.GetAsync(subject.Assignment)).One("#review"));

        await app.WithDbAsync(async db =>
        {
            await GeneralApplications.PutAssessmentEntryAsync(db, subject.ApplicationId, ApplicationState.Advanced);
            return subject.ApplicationId;
        });

        var assignment = await browser.GetAsync(subject.Assignment);
        Assert.Equal(404, (await browser.GetAsync(subject.Answer)).Status);
        Assert.Equal(404, await PostAsync(browser, subject.Answer, new() { ["Points"] = "3" }));
        Assert.Equal(200, assignment.Status);
        Assert.Null(assignment.One("#review"));
        Assert.Contains("stage has been decided", assignment.One("#read-only")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(200, await PostAsync(browser, subject.Assignment, subject.Review));
        Assert.Null((await browser.GetAsync("/review/assignments")).One($"a[href='{subject.Assignment}']"));
        Assert.Equal((0, 0), await StoredByAsync(reviewer.Id));
    }
}

public sealed class ReviewerScopeOnSqlite(SqliteApp app) : ReviewerScopeTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewerScopeOnPostgres(PostgresApp app) : ReviewerScopeTests(app), IClassFixture<PostgresApp>;
