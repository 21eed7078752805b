using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Issue 5's journey: an admin takes a stage from "submitted" to "decisions sent" in the browser. They create a
/// review round with the season's rubric, let the solver assign the reviewers and open the round; reviewers score
/// (one in the browser, the others through the same use case the form calls); the admin closes the round, cuts the
/// score table at the top N, advances those above the line and writes to them. Applicants carry a planted order that
/// every reviewer agrees on, so the top N is known without asking the code under test.
/// </summary>
public sealed class SelectionJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string ReviewerPassword = "a passphrase for reviewing";
    private const int Applicants = 6;
    private const int Advanced = 3;

    private sealed record Person(string Id, string Name, string Email);

    [Fact]
    public async Task An_admin_goes_from_a_submitted_stage_to_decisions_sent()
    {
        var applicants = await SubmittedApplicantsAsync();
        var reviewers = await ReviewerPoolAsync();
        var rubric = await RubricAsync();
        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        await using var adminContext = await site.NewContextAsync();
        var page = await adminContext.NewPageAsync();
        await SiteAccounts.SignInAsync(page, admin.Email, admin.Password);

        await page.GotoAsync("/admin/review/rounds");
        await page.GetByLabel("Name").FillAsync("Journey read");
        await page.GetByLabel("Rubric").SelectOptionAsync(new SelectOptionValue { Label = rubric.Name });
        await page.GetByLabel("Reviews per application").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create round" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created the round");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign reviewers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The solver assigned {Applicants * 2} reviews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(nameof(ReviewRoundState.Open));

        var assignments = await site.App.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Round!.Name == "Journey read" && a.Round.State == ReviewRoundState.Open).ToListAsync());
        Assert.Equal(Applicants * 2, assignments.Count);
        var inTheBrowser = assignments.First(a => a.ReviewerId == reviewers[0].Id);
        await ReviewInTheBrowserAsync(inTheBrowser, rubric, reviewers[0]);
        await ReviewTheRestAsync(assignments.Where(a => a.Id != inTheBrowser.Id), rubric);

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(nameof(ReviewRoundState.Closed));

        await page.GotoAsync("/admin/scores/general");
        await page.GetByLabel("Cutoff: top").FillAsync(Advanced.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        foreach (var (applicant, place) in applicants.Select((a, i) => (a, i)))
        {
            var box = page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {applicant.Name}", Exact = true });
            await (place < Advanced ? Expect(box).ToBeCheckedAsync() : Expect(box).Not.ToBeCheckedAsync());
        }

        await page.Locator("#decide").GetByRole(AriaRole.Button, new() { Name = "Advance", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Advanced} applications advanced");

        await page.GotoAsync("/admin/pipeline/general?state=Advanced");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"Write to these {Advanced} applicants") }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync("Your application to {{stage}}");
        await page.GetByLabel("Body").FillAsync("Dear {{name}},\n\nYou are invited to the assessments. See {{link}}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"Send to all {Advanced}") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Queued {Advanced} messages");

        var mailed = await site.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.StartsWith("Your application to")).Select(m => m.To).ToListAsync());
        Assert.Equal(applicants.Take(Advanced).Select(a => a.Email).Order(), mailed.Order());
        var states = await site.App.WithDbAsync(db => db.Applications.ToDictionaryAsync(a => a.ApplicantId, a => a.State));
        Assert.Equal(applicants.Select((a, i) => i < Advanced ? ApplicationState.Advanced : ApplicationState.Submitted), applicants.Select(a => states[a.Id]));
    }

    /// <summary>The reviewer opens their first assignment, picks each criterion's score and recommends.</summary>
    private async Task ReviewInTheBrowserAsync(ReviewAssignment assignment, Rubric rubric, Person reviewer)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, reviewer.Email, ReviewerPassword);
        await page.GotoAsync("/review/assignments");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Application R-{assignment.Id}" }).ClickAsync();

        var value = PlantedScore(assignment);
        foreach (var criterion in rubric.Criteria)
        {
            await page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^" + Regex.Escape(criterion.Name)) }).GetByRole(AriaRole.Radio).Nth(value - criterion.ScaleMin).CheckAsync();
        }

        await page.GetByRole(AriaRole.Group, new() { Name = "Overall recommendation" }).Locator($"#r-{nameof(Recommendation.Accept)}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync();

        var saved = await site.App.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assignment.Id).Select(a => a.State).SingleAsync());
        Assert.Equal(AssignmentState.Submitted, saved);
    }

    private async Task ReviewTheRestAsync(IEnumerable<ReviewAssignment> assignments, Rubric rubric)
    {
        foreach (var assignment in assignments)
        {
            var value = PlantedScore(assignment);
            await using var scope = site.App.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<SubmitReview>().RunAsync(new Actor(assignment.ReviewerId, "reviewer"), assignment.Id,
                new ReviewInput(rubric.Criteria.ToDictionary(c => c.Id, _ => (string?)value.ToString(System.Globalization.CultureInfo.InvariantCulture)), nameof(Recommendation.Accept), ""));
            Assert.Empty(outcome.Problems);
        }
    }

    /// <summary>Each applicant's place in the planted order, by general application id.</summary>
    private readonly Dictionary<int, int> placeOfApplication = [];

    /// <summary>Every reviewer gives the first applicant 5 on every criterion, the second 4, and so on: the planted order.</summary>
    private int PlantedScore(ReviewAssignment assignment) => 5 - Math.Min(4, placeOfApplication[assignment.SubjectId]);

    private async Task<List<Person>> SubmittedApplicantsAsync()
    {
        var people = new List<Person>();
        for (var i = 0; i < Applicants; i++)
        {
            var name = $"Scored{(char)('A' + i)} Selectee";
            var email = $"selectee-{i}-{Guid.NewGuid():N}@example.net";
            var id = await NewAccountAsync(name, email, Roles.Applicant);
            await GeneralStage.SubmitAsync(site.App, id);
            var applicationId = await site.App.WithDbAsync(db => db.Applications.Where(a => a.ApplicantId == id).Select(a => a.Id).SingleAsync());
            placeOfApplication[applicationId] = i;
            people.Add(new(id, name, email));
        }

        return people;
    }

    private async Task<List<Person>> ReviewerPoolAsync()
    {
        var reviewers = new List<Person>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"journey-reviewer-{i}-{Guid.NewGuid():N}@reviewers.example.org"; // not the applicants' domain, which would be a conflict
            var id = await NewAccountAsync($"Journey Reviewer {i}", email, Roles.Reviewer);
            reviewers.Add(new(id, $"Journey Reviewer {i}", email));
        }

        await site.App.WithDbAsync(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            db.ReviewerProfiles.AddRange(reviewers.Select(r => new ReviewerProfile { SeasonId = season.Id, UserId = r.Id, MinLoad = 0, MaxLoad = Applicants }));
            return await db.SaveChangesAsync();
        });
        return reviewers;
    }

    private Task<Rubric> RubricAsync() => site.App.WithDbAsync(async db =>
    {
        var rubric = new Rubric { SeasonId = (await db.Seasons.SingleAsync(s => s.IsCurrent)).Id, Name = "Journey rubric" };
        rubric.Criteria.AddRange(
        [
            new RubricCriterion { Position = 0, Name = "Research taste", ScaleMin = 1, ScaleMax = 5, Weight = 0.6, AnchorsText = "1: vague\n5: sharp" },
            new RubricCriterion { Position = 1, Name = "Technical implementation", ScaleMin = 1, ScaleMax = 5, Weight = 0.4, AnchorsText = "1: none shown\n5: careful" },
        ]);
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync();
        return rubric;
    });

    private async Task<string> NewAccountAsync(string name, string email, string role)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, ReviewerPassword, name, role, Actor.System);
        Assert.True(created.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>().FindByEmailAsync(email))!.Id;
    }
}
