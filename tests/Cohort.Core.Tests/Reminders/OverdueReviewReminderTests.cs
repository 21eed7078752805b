using Cohort.Core.Data;
using Cohort.Core.Reminders;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Jobs;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Reminders;

/// <summary>A reviewer with reviews past their round's due date is reminded once a day, while and only while some are overdue.</summary>
public abstract class OverdueReviewReminderTests(CoreServicesFixture core)
{
    private readonly Instances instances = new(core);

    [Fact]
    public async Task A_reviewer_with_overdue_reviews_gets_one_reminder_a_day_and_none_once_they_are_submitted()
    {
        var due = core.Clock.GetUtcNow().UtcDateTime.Date.AddDays(10).AddHours(9);
        var (late, done, lateAssignment) = await core.RunAsync<CohortDbContext, (string, string, int)>(db => ScenarioAsync(db, due));

        await instances.LookAtAsync(due.AddHours(-1));
        var beforeDue = await CountAsync(late);
        await instances.LookAtAsync(due.AddHours(1));
        await instances.Second.RunNowAsync(instances.Second.Find(OverdueReviewReminders.Name)!, "admin", CancellationToken.None);
        await instances.LookAtAsync(due.AddHours(5));
        var firstDay = await CountAsync(late);
        await instances.LookAtAsync(due.AddDays(1));
        var secondDay = await CountAsync(late);
        await core.RunAsync<CohortDbContext, int>(db => db.ReviewAssignments.Where(a => a.Id == lateAssignment)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AssignmentState.Submitted)));
        await instances.LookAtAsync(due.AddDays(2));

        Assert.Equal((0, 1, 2), (beforeDue, firstDay, secondDay));
        Assert.Equal(2, await CountAsync(late));
        Assert.Equal(0, await CountAsync(done));
        var body = await core.RunAsync<CohortDbContext, string>(db => db.OutboxMessages.Where(m => m.To == late).OrderBy(m => m.Id).Select(m => m.Body).FirstAsync());
        Assert.Contains($"{TestLinks.Origin}/review/assignments", body, StringComparison.Ordinal);
        Assert.Contains("1 review, due", body, StringComparison.Ordinal);
    }

    private Task<int> CountAsync(string email) =>
        core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.Contains("past")));

    // An open round due at <paramref name="due"/>: one reviewer has not reviewed, the other has.
    private static async Task<(string Late, string Done, int LateAssignment)> ScenarioAsync(CohortDbContext db, DateTime due)
    {
        var late = $"late-{Guid.NewGuid():N}@reviewers.example.org";
        var done = $"done-{Guid.NewGuid():N}@reviewers.example.org";
        var lateId = await ReviewPool.PersonAsync(db, late);
        var doneId = await ReviewPool.PersonAsync(db, done);
        await ReviewPool.ReviewerAsync(db, lateId);
        await ReviewPool.ReviewerAsync(db, doneId);
        var application = await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"applicant-{Guid.NewGuid():N}@example.net"));
        var roundId = await ReviewPool.RoundAsync(db, 2);
        var round = await db.ReviewRounds.SingleAsync(r => r.Id == roundId);
        (round.State, round.DueAt) = (ReviewRoundState.Open, due);
        var pending = new ReviewAssignment { RoundId = roundId, SubjectId = application, ReviewerId = lateId, State = AssignmentState.Assigned, AssignedAt = due.AddDays(-7) };
        db.ReviewAssignments.AddRange(pending,
            new ReviewAssignment { RoundId = roundId, SubjectId = application, ReviewerId = doneId, State = AssignmentState.Submitted, AssignedAt = due.AddDays(-7) });
        await db.SaveChangesAsync();
        return (late, done, pending.Id);
    }
}

public sealed class OverdueReviewReminderOnSqlite(SqliteCore core) : OverdueReviewReminderTests(core), IClassFixture<SqliteCore>;

public sealed class OverdueReviewReminderOnPostgres(PostgresCore core) : OverdueReviewReminderTests(core), IClassFixture<PostgresCore>;
