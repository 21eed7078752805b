using Cohort.Core.Accounts;
using Cohort.Core.Jobs;
using Cohort.Core.Match;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Admin;

/// <summary>Admins see every scheduled job with its last and next run, and run one now through its lease, audited.</summary>
public abstract class JobsPageTests(CohortApp app)
{
    [Fact]
    public async Task The_jobs_page_lists_every_job_and_run_now_runs_it_and_shows_its_last_and_next_run()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var before = await admin.GetAsync("/admin/jobs");

        var ran = await admin.SubmitAsync(before, $"#run-{LapseOffersAtDeadline.Name}", new Dictionary<string, string>());

        foreach (var name in new[] { "outbox", "offers-lapse", "draft-reminders", "review-reminders" })
        {
            Assert.NotNull(before.One($"#job-{name}"));
        }

        Assert.Contains("every minute", before.One($"#job-{LapseOffersAtDeadline.Name}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{LapseOffersAtDeadline.Name} ran: 0 offers lapsed.", ran.One(".notice")!.TextContent, StringComparison.Ordinal);
        var row = ran.One($"#job-{LapseOffersAtDeadline.Name}")!;
        Assert.Contains("0 offers lapsed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("(Run now)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, row.QuerySelectorAll("time").Length);
        var stored = await app.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == LapseOffersAtDeadline.Name));
        Assert.Equal((JobOutcome.Succeeded, (DateTime?)null), (stored.LastOutcome, stored.LeasedUntil));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "job.run" && e.Subject == $"job:{LapseOffersAtDeadline.Name}")));
    }
}

public sealed class JobsPageOnSqlite(SqliteApp app) : JobsPageTests(app), IClassFixture<SqliteApp>;

public sealed class JobsPageOnPostgres(PostgresApp app) : JobsPageTests(app), IClassFixture<PostgresApp>;
