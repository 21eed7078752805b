using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// The admin builds the reviewer pool, creates a round and assigns it through the pages; conflicts are never assigned,
/// an impossible round explains itself on the page; reviewers decline their own assignments only.
/// </summary>
public abstract class ReviewAssignmentPageTests(CohortApp app) : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";

    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        await ReviewPool.ResetAsync(db);
        return 0;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Email(string who, string domain) => $"{who}-{Guid.NewGuid():N}@{domain}";

    private Task<string> PersonAsync(string email) => app.WithDbAsync(db => ReviewPool.PersonAsync(db, email));

    private async Task<string> AccountAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Second Reviewer", role, Actor.System);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>().FindByEmailAsync(email))!.Id;
    }

    private Task<List<ReviewAssignment>> AssignmentsAsync(int round) => app.WithDbAsync(db => ReviewPool.AssignmentsAsync(db, round));

    private Task<string> DemoReviewerIdAsync()
    {
        var email = DemoSeason.Accounts.Single(a => a.Role == Roles.Reviewer).Email;
        return app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>POSTs <paramref name="url"/> as a form of the browser's own session would, with its antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string url, params KeyValuePair<string, string>[] values)
    {
        var token = (await browser.GetAsync("/")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.Client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values]));
    }

    [Fact]
    public async Task Only_admins_reach_the_pool_and_round_pages()
    {
        var reviewer = await PersonAsync(Email("pool", "example.com"));
        var (profile, round) = await app.WithDbAsync(async db => (await ReviewPool.ReviewerAsync(db, reviewer), await ReviewPool.RoundAsync(db, 1)));
        var urls = new[]
        {
            "/admin/review/pool", "/admin/review/pool/new", $"/admin/review/pool/{profile}/edit", $"/admin/review/pool/{profile}/conflicts",
            "/admin/review/rounds", $"/admin/review/rounds/{round}", $"/admin/review/rounds/{round}?handler=Assign", $"/admin/review/rounds/{round}?handler=AssignWhatCan",
        };

        foreach (var role in new[] { Roles.Applicant, Roles.Reviewer, Roles.Mentor })
        {
            using var browser = await app.AsAsync(role);
            foreach (var url in urls)
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    using var response = await browser.Client.SendAsync(new HttpRequestMessage(method, url));
                    var status = (int)response.StatusCode;
                    var refused = status == 403 || (status == 302 && response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal));
                    Assert.True(refused, $"{method} {url} answered {status} to the demo {role}");
                }
            }
        }

        using var admin = await app.AsAsync(Roles.Admin);
        foreach (var url in urls.Where(u => !u.Contains('?', StringComparison.Ordinal)))
        {
            Assert.Equal(200, (await admin.GetAsync(url)).Status);
        }

        Assert.Empty(await AssignmentsAsync(round));
    }

    [Fact]
    public async Task Without_a_rubric_the_rounds_page_asks_for_one_first()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync("/admin/review/rounds");

        Assert.Contains("create a rubric first", page.One("#no-rubric")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.One("#new-round"));
    }

    [Fact]
    public async Task The_admin_builds_the_pool_by_invitation_and_a_round_in_the_pages_and_the_solver_assigns_no_conflict()
    {
        var people = new[] { Email("r1", "example.net"), Email("r2", "uni.example"), Email("r3", "example.com") };
        var applicants = new[]
        {
            await PersonAsync(Email("a1", "example.org")), await PersonAsync(Email("a2", "uni.example")), await PersonAsync(Email("a3", "example.org")),
            await PersonAsync(Email("a4", "example.org")),
        };
        var declaredEmail = await app.WithDbAsync(db => db.Users.Where(u => u.Id == applicants[2]).Select(u => u.Email!).SingleAsync());
        var rubric = await app.WithDbAsync(db => ReviewPool.RubricAsync(db, "Stage 1 rubric"));
        var applications = new List<int>();
        foreach (var (applicant, organisation) in applicants.Zip(["Acme Labs", "", "", ""]))
        {
            applications.Add(await app.WithDbAsync(db => ReviewPool.ApplicationAsync(db, applicant, organisation)));
        }

        using var admin = await app.AsAsync(Roles.Admin);
        var reviewers = new List<string>();
        for (var i = 0; i < people.Length; i++)
        {
            var email = people[i];
            var invited = await admin.InviteReviewerAsync(email, new Dictionary<string, string>
            {
                ["Input.Organisation"] = i == 0 ? "acme labs" : "", ["Input.Expertise"] = "oversight\ninterpretability", ["Input.MinLoad"] = "1", ["Input.MaxLoad"] = "4",
            });
            Assert.Contains($"Invited {email}", invited.One(".notice")!.TextContent, StringComparison.Ordinal);
            using var invitee = app.NewBrowser();
            await app.AcceptWithNewAccountAsync(invitee, email);
            reviewers.Add(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
        }

        var pool = await admin.GetAsync("/admin/review/pool");
        var third = pool.All("#reviewers tbody tr").Single(r => r.TextContent.Contains(people[2], StringComparison.Ordinal)).GetAttribute("data-reviewer");
        var conflicts = await admin.GetAsync($"/admin/review/pool/{third}/conflicts");
        var declared = await admin.SubmitAsync(conflicts, "#declare", new Dictionary<string, string> { ["ApplicantEmail"] = declaredEmail, ["Reason"] = "Former student" });
        Assert.Equal("1", (await admin.GetAsync("/admin/review/pool")).One($"tr[data-reviewer='{third}'] .conflicts")!.TextContent);
        var rounds = await admin.GetAsync("/admin/review/rounds");
        var round = await admin.SubmitAsync(rounds, "#new-round", new Dictionary<string, string>
        {
            ["Input.Name"] = "First reading", ["Input.Stage"] = "General", ["Input.StreamId"] = "", ["Input.RubricId"] = rubric.ToString(CultureInfo.InvariantCulture), ["Input.ReviewsPerApplication"] = "2",
        });

        var assigned = await admin.SubmitAsync(round, "#assign", new Dictionary<string, string>());

        var roundId = int.Parse(assigned.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        var saved = await AssignmentsAsync(roundId);
        Assert.Contains(declaredEmail, declared.One("#conflicts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The solver assigned 8 reviews", assigned.One(".notice")!.TextContent, StringComparison.Ordinal);
        var forbidden = new HashSet<(int, string)> { (applications[0], reviewers[0]), (applications[1], reviewers[1]), (applications[2], reviewers[2]) };
        Assert.DoesNotContain(saved, a => forbidden.Contains((a.SubjectId, a.ReviewerId)));
        Assert.All(applications, id => Assert.Equal(2, saved.Count(a => a.SubjectId == id)));
        Assert.All(reviewers, r => Assert.InRange(saved.Count(a => a.ReviewerId == r), 1, 4));
        Assert.All(applications, id => Assert.Equal("2 of 2", assigned.One($"tr[data-subject='{id}'] .coverage")!.TextContent.Trim()));
        Assert.True(await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => reviewers.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Reviewer))) == 3);
    }

    [Fact]
    public async Task An_impossible_round_shows_the_diagnosis_on_the_page_and_saves_nothing()
    {
        var reviewers = new[] { await PersonAsync(Email("r1", "lab.example")), await PersonAsync(Email("r2", "example.com")) };
        var round = await app.WithDbAsync(async db =>
        {
            foreach (var reviewer in reviewers)
            {
                await ReviewPool.ReviewerAsync(db, reviewer);
            }

            await ReviewPool.ApplicationAsync(db, await PersonAsync(Email("a1", "lab.example")));
            await ReviewPool.ApplicationAsync(db, await PersonAsync(Email("a2", "example.org")));
            return await ReviewPool.RoundAsync(db, 2);
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/review/rounds/{round}"), "#assign", new Dictionary<string, string>());

        Assert.Equal(200, page.Status);
        var refusal = page.One("#refusal")!.TextContent;
        Assert.Contains("No assignment meets every requirement", refusal, StringComparison.Ordinal);
        Assert.Contains("needs 2 reviews", refusal, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", refusal, StringComparison.Ordinal);
        Assert.Empty(await AssignmentsAsync(round));
        Assert.Equal("Draft", page.One("#state")!.TextContent);
    }

    [Fact]
    public async Task The_refusal_names_the_conflicted_reviewer_and_assigning_what_can_be_assigned_gives_the_rest_and_lists_the_application_left_short()
    {
        var (colleague, stranger) = (Email("colleague", "uni.example"), Email("stranger", "example.com"));
        var reviewers = new[] { await PersonAsync(colleague), await PersonAsync(stranger) };
        var (round, applications) = await app.WithDbAsync(async db =>
        {
            foreach (var reviewer in reviewers)
            {
                await ReviewPool.ReviewerAsync(db, reviewer, maxLoad: 5);
            }

            var applications = new List<int>();
            foreach (var email in new[] { Email("a1", "uni.example"), Email("a2", "example.org"), Email("a3", "example.org") })
            {
                applications.Add(await ReviewPool.ApplicationAsync(db, await PersonAsync(email)));
            }

            return (await ReviewPool.RoundAsync(db, 2), applications);
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var refused = await admin.SubmitAsync(await admin.GetAsync($"/admin/review/rounds/{round}"), "#assign", new Dictionary<string, string>());

        Assert.Contains($"#{applications[0]} ", refused.One("#refusal")!.TextContent, StringComparison.Ordinal);
        var named = refused.One($"#diagnosis #short li[data-subject='{applications[0]}']")!;
        Assert.Contains("needs 2 more reviews; can still be reviewed by 1 reviewer", named.TextContent, StringComparison.Ordinal);
        Assert.Contains(colleague, named.QuerySelector("[data-reason='conflict: same email domain']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(stranger, named.QuerySelector(".eligible")!.TextContent, StringComparison.Ordinal);
        Assert.Single(refused.All("#diagnosis #short > li"));
        Assert.Contains("Gives 5 of the 6 missing reviews", refused.One("#assign-what-can")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AssignmentsAsync(round));

        var partial = await admin.SubmitAsync(refused, "#assign-what-can", new Dictionary<string, string>());

        Assert.Equal(200, partial.Status);
        Assert.Contains("The solver assigned 5 reviews; 1 application is still short of 1 review", partial.One("#left-short")!.TextContent, StringComparison.Ordinal);
        var left = Assert.Single(partial.All("#left-short #short > li"));
        Assert.Equal(applications[0].ToString(CultureInfo.InvariantCulture), left.GetAttribute("data-subject"));
        Assert.Contains("needs 1 more review; no other reviewer can take it", left.TextContent, StringComparison.Ordinal);
        Assert.Contains(colleague, left.QuerySelector("[data-reason='conflict: same email domain']")!.TextContent, StringComparison.Ordinal);
        var saved = await AssignmentsAsync(round);
        Assert.Equal(5, saved.Count);
        Assert.DoesNotContain(saved, a => a.SubjectId == applications[0] && a.ReviewerId == reviewers[0]);
        Assert.Equal(["1 of 2", "2 of 2", "2 of 2"], applications.Select(id => partial.One($"tr[data-subject='{id}'] .coverage")!.TextContent.Trim()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "review-round.assigned" && e.Subject == $"review-round:{round}")));
    }

    [Fact]
    public async Task A_reviewer_declines_their_own_assignment_the_replacement_respects_conflicts_and_loads_and_nobody_declines_for_another()
    {
        var demo = await DemoReviewerIdAsync();
        var secondEmail = Email("second", "lab.example");
        var second = await AccountAsync(secondEmail, Roles.Reviewer);
        var free = await PersonAsync(Email("free", "example.com"));
        var full = await PersonAsync(Email("full", "example.com"));
        var (round, subjects, assignments) = await app.WithDbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, demo);
            await ReviewPool.ReviewerAsync(db, second, expertise: "oversight");
            await ReviewPool.ReviewerAsync(db, free, maxLoad: 1);
            await ReviewPool.ReviewerAsync(db, full, expertise: "oversight", maxLoad: 1);
            var subjects = new[]
            {
                await ReviewPool.ApplicationAsync(db, await PersonAsync(Email("a", "lab.example")), motivation: "oversight"),
                await ReviewPool.ApplicationAsync(db, await PersonAsync(Email("b", "example.org"))),
                await ReviewPool.ApplicationAsync(db, await PersonAsync(Email("c", "lab.example")), motivation: "oversight"),
            };
            var round = await ReviewPool.RoundAsync(db, 1);
            var assignments = new[] { (subjects[0], demo), (subjects[1], full), (subjects[2], demo) }
                .Select(p => new ReviewAssignment { RoundId = round, SubjectId = p.Item1, ReviewerId = p.Item2, Origin = AssignmentOrigin.Manual, AssignedAt = DateTime.UtcNow })
                .ToList();
            db.ReviewAssignments.AddRange(assignments);
            (await db.ReviewRounds.SingleAsync(r => r.Id == round)).State = ReviewRoundState.Open;
            await db.SaveChangesAsync();
            return (round, subjects, assignments.Select(a => a.Id).ToList());
        });
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        using var other = await app.AsAsync(secondEmail, Password);

        using var someoneElses = await PostAsync(other, $"/review/assignments/{assignments[0]}/decline");
        using var get = await reviewer.Client.GetAsync($"/review/assignments/{assignments[0]}/decline");
        using var first = await PostAsync(reviewer, $"/review/assignments/{assignments[0]}/decline", new KeyValuePair<string, string>("Reason", "I know them"));
        using var last = await PostAsync(reviewer, $"/review/assignments/{assignments[2]}/decline");

        Assert.Equal(404, (int)someoneElses.StatusCode);
        Assert.Equal(404, (int)get.StatusCode);
        Assert.Equal((302, "/review"), ((int)first.StatusCode, first.Headers.Location!.ToString()));
        var saved = await AssignmentsAsync(round);
        Assert.Equal(("I know them", AssignmentState.Declined), saved.Where(a => a.Id == assignments[0]).Select(a => (a.DeclineReason, a.State)).Single());
        var replacement = Assert.Single(saved, a => a.Origin == AssignmentOrigin.Replacement);
        Assert.Equal((subjects[0], free), (replacement.SubjectId, replacement.ReviewerId));
        Assert.DoesNotContain(saved, a => a.ReviewerId == second);
        Assert.Equal(AssignmentState.Declined, saved.Single(a => a.Id == assignments[2]).State);
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync($"/admin/review/rounds/{round}");
        Assert.Contains("needs a reviewer", page.One($"tr[data-subject='{subjects[2]}'] .coverage")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 application needs a reviewer", page.One("#needs-reviewers")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ReviewAssignmentPageOnSqlite(SqliteApp app) : ReviewAssignmentPageTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewAssignmentPageOnPostgres(PostgresApp app) : ReviewAssignmentPageTests(app), IClassFixture<PostgresApp>;
