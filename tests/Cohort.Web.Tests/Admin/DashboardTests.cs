using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Mail;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Admin;

/// <summary>The dashboard says what needs an admin now, from the season's real state, each item linked to the page that resolves it.</summary>
public abstract class DashboardTests(CohortApp app)
{
    private static AngleSharp.Dom.IElement? Item(Browser.Page dashboard, string href) => dashboard.One($"#attention a[href='{href}']");

    [Fact]
    public async Task The_dashboard_counts_the_applications_waiting_for_a_decision_and_links_to_the_pipeline_that_decides_them()
    {
        await app.AddApplicantAsync(ApplicationState.Submitted);
        await app.AddApplicantAsync(ApplicationState.Submitted);
        var waiting = await app.WithDbAsync(db => db.Applications.CountAsync(a => db.Seasons.Any(s => s.IsCurrent && s.Id == a.Form!.SeasonId) && a.State == ApplicationState.Submitted));
        using var admin = await app.AsAsync(Roles.Admin);

        var dashboard = await admin.GetAsync("/admin");

        const string href = "/admin/pipeline/general?state=Submitted";
        Assert.Equal($"{waiting} general applications waiting for a decision", Item(dashboard, href)!.TextContent);
        var pipeline = await admin.GetAsync(href);
        Assert.Equal(waiting, pipeline.All("#decide tbody tr").Count);
    }

    [Fact]
    public async Task Failed_mail_and_overdue_reviews_come_first_marked_urgent_and_link_to_the_outbox_and_the_round()
    {
        var name = $"Overdue {Guid.NewGuid():N}"[..16];
        var subject = (await app.AddApplicantAsync(ApplicationState.Submitted)).ApplicationId;
        var round = await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { To = "nobody@example.net", Subject = "Bounced", Body = "x", CreatedAt = DateTime.UtcNow, Attempts = 3, LastError = "550 no such user", NextAttemptAt = DateTime.UtcNow.AddYears(5) });
            var round = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, name);
            round.DueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
            var reviewer = (await SubmittedReviews.ReviewersAsync(db, 1))[0];
            round.ReviewsPerApplication = 1;
            db.ReviewAssignments.Add(new ReviewAssignment { RoundId = round.Id, SubjectId = subject, ReviewerId = reviewer, State = AssignmentState.Assigned, AssignedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return round.Id;
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var dashboard = await admin.GetAsync("/admin");

        var failed = Item(dashboard, "/admin/outbox")!;
        Assert.Matches("^[0-9]+ messages? failed to send", failed.TextContent);
        var overdue = Item(dashboard, $"/admin/review/rounds/{round}")!;
        Assert.Equal($"1 review outstanding in {name}, past its due date", overdue.TextContent);
        var items = dashboard.All("#attention li").ToList();
        var urgent = items.TakeWhile(li => li.ClassList.Contains("urgent")).ToList();
        Assert.Contains(urgent, li => li.Contains(failed));
        Assert.Contains(urgent, li => li.Contains(overdue));
        Assert.All(items.Skip(urgent.Count), li => Assert.False(li.ClassList.Contains("urgent")));
    }

    [Fact]
    public async Task The_dashboard_names_the_seasons_phase_and_its_next_dates_and_every_item_links_to_an_admin_page()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var dashboard = await admin.GetAsync("/admin");

        Assert.False(string.IsNullOrWhiteSpace(dashboard.One("#phase strong")?.TextContent));
        var next = dashboard.All("#next-dates time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
        Assert.InRange(next.Count, 1, 3);
        Assert.All(next, at => Assert.True(at >= app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), $"{at:u} is past"));
        Assert.Equal(next.Order(), next);
        foreach (var link in dashboard.All("#attention a"))
        {
            Assert.Equal(200, (await admin.GetAsync(link.GetAttribute("href")!)).Status);
        }
    }
}

public sealed class DashboardOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
