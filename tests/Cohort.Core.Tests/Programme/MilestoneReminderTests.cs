using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Programme;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Jobs;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Programme;

/// <summary>
/// The milestone reminders go out exactly once each: two instances over one database and one clock run the job
/// together, on schedule and by hand, across hours and days, and every reminder is one outbox row.
/// </summary>
public abstract class MilestoneReminderTests(CoreServicesFixture core)
{
    private readonly Instances instances = new(core);
    private readonly StreamsStageApplicants applicants = new(core);

    [Fact]
    public async Task Each_fellow_gets_one_reminder_before_the_due_date_and_one_when_overdue_however_many_instances_run()
    {
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
        var due = core.Clock.GetUtcNow().UtcDateTime.Date.AddDays(20).AddHours(17);
        var (late, onTime, milestone) = await ScenarioAsync(due);

        await instances.LookAtAsync(due.AddDays(-4));
        var before = (await CountAsync(late, "Due in"), await CountAsync(onTime, "Due in"));
        await instances.LookAtAsync(due.AddDays(-3).AddMinutes(5));
        await BothRunAtOnceAsync();
        await instances.LookAtAsync(due.AddDays(-2));
        await instances.LookAtAsync(due.AddDays(-1));
        await core.RunAsync<SubmitMilestone, string?>(submit => submit.RunAsync(onTime.UserId, onTime.FellowshipId, milestone, new MilestoneAnswer(Text: "My plan.")));
        await instances.LookAtAsync(due.AddHours(1));
        await BothRunAtOnceAsync();
        await instances.LookAtAsync(due.AddHours(2));
        await instances.LookAtAsync(due.AddDays(1));
        await BothRunAtOnceAsync();

        Assert.Equal((0, 0), before);
        Assert.Equal((1, 1), (await CountAsync(late, "Due in"), await CountAsync(late, "Overdue")));
        Assert.Equal((1, 0), (await CountAsync(onTime, "Due in"), await CountAsync(onTime, "Overdue")));
        var body = await core.RunAsync<CohortDbContext, string>(db => db.OutboxMessages.Where(m => m.To == late.Email && m.Subject.StartsWith("Overdue")).Select(m => m.Body).SingleAsync());
        Assert.Contains($"{TestLinks.Origin}/portal/fellowship", body, StringComparison.Ordinal);
        Assert.Contains("marked late", body, StringComparison.Ordinal);
    }

    /// <summary>Both instances run the job itself at the same moment, past the lease (as a crashed run retried elsewhere would): the sent-reminder record alone keeps each mail single.</summary>
    private async Task BothRunAtOnceAsync()
    {
        var context = new JobContext(core.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(1), core.Clock.GetUtcNow().UtcDateTime);
        await Task.WhenAll(new[] { core.Services, instances.SecondServices }.Select(services => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MilestoneReminders>().RunAsync(context, CancellationToken.None);
        })));
    }

    private sealed record Fellow(string UserId, string Email, int FellowshipId);

    private Task<int> CountAsync(Fellow fellow, string subject) =>
        core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To == fellow.Email && m.Subject.StartsWith(subject)));

    // Two fellows of the coalition and a research plan due at <paramref name="due"/>, reminded three days before.
    private async Task<(Fellow Late, Fellow OnTime, int Milestone)> ScenarioAsync(DateTime due)
    {
        var late = await FellowAsync(due);
        var onTime = await FellowAsync(due);
        var season = await applicants.SeasonIdAsync();
        var outcome = await core.RunAsync<SaveMilestone, MilestoneOutcome>(save => save.AddAsync(Actor.System, season,
            new MilestoneDetails("Research plan", "Two pages.", due, null, SubmissionKind.Text, RequiresSignOff: true, RemindDaysBefore: 3, ExtensionRoundId: null)));
        return (late, onTime, outcome.Id!.Value);
    }

    private async Task<Fellow> FellowAsync(DateTime due)
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        return await core.RunAsync<CohortDbContext, Fellow>(async db =>
        {
            var application = await db.StreamApplications.Where(a => a.ApplicantId == applicant).Select(a => a.Id).SingleAsync();
            var fellowship = await HeldFellowships.PutAsync(db, application, DateOnly.FromDateTime(due.AddDays(60)));
            return new Fellow(applicant, await db.Users.Where(u => u.Id == applicant).Select(u => u.Email!).SingleAsync(), fellowship);
        });
    }
}

public sealed class MilestoneReminderOnSqlite(SqliteCore core) : MilestoneReminderTests(core), IClassFixture<SqliteCore>;

public sealed class MilestoneReminderOnPostgres(PostgresCore core) : MilestoneReminderTests(core), IClassFixture<PostgresCore>;
