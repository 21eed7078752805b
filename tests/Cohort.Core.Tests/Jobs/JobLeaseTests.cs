using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Jobs;

/// <summary>
/// The lease: with two instances over one database and a controlled clock, a job runs once a period; a crashed
/// instance's lease lapses and the period is run again elsewhere; a failing job keeps its error and runs next period.
/// </summary>
public abstract class JobLeaseTests
{
    private readonly ProbeCore core;
    private readonly Instances instances;

    protected JobLeaseTests(ProbeCore core)
    {
        this.core = core;
        instances = new Instances(core);
    }

    // Each test starts at 10:00 on a day of its own, after whatever the tests before it did: time only moves forward.
    private DateTime StartFresh()
    {
        core.Clock.Now = new DateTimeOffset(core.Clock.Now.UtcDateTime.Date.AddDays(2).AddHours(10), TimeSpan.Zero);
        return core.Clock.Now.UtcDateTime;
    }

    private void Advance(TimeSpan by) => core.Clock.Now += by;

    private int Runs => core.Probe.Runs;

    [Fact]
    public async Task Each_job_runs_once_a_period_however_many_instances_look_and_again_in_the_next_period()
    {
        var start = StartFresh();
        var before = Runs;

        var first = await instances.BothLookAsync();
        Advance(TimeSpan.FromMinutes(59));
        await instances.BothLookAsync();
        var inPeriod = Runs - before;
        Advance(TimeSpan.FromMinutes(1));
        await instances.BothLookAsync();

        Assert.Equal(1, inPeriod);
        Assert.Equal(2, Runs - before);
        Assert.True(first.First + first.Second >= 1);
        var row = await instances.RowAsync(ProbeJob.Name);
        Assert.Equal((JobOutcome.Succeeded, (DateTime?)start.AddHours(1), (int?)1, "probed"), (row.LastOutcome, row.PeriodStart, row.LastCount, row.LastSummary));
        Assert.Contains(row.LastRunBy, new[] { instances.First.InstanceId, instances.Second.InstanceId });
    }

    [Fact]
    public async Task A_second_instance_asking_within_the_period_runs_nothing_and_run_now_is_refused_while_a_lease_holds()
    {
        StartFresh();
        await instances.First.RunDueAsync(CancellationToken.None);
        var afterFirst = Runs;

        await instances.Second.RunDueAsync(CancellationToken.None);
        await HoldLeaseAsync("another-instance", TimeSpan.FromMinutes(5));
        var refused = await instances.Second.RunNowAsync(instances.Second.Find(ProbeJob.Name)!, "admin", CancellationToken.None);

        Assert.Equal(afterFirst, Runs);
        Assert.False(refused.Ran);
        Assert.Contains("another-instance is running it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lease_left_by_a_crashed_instance_is_taken_over_once_it_lapses_and_the_period_runs_again()
    {
        StartFresh();
        await HoldLeaseAsync("crashed-instance", TimeSpan.FromMinutes(5));
        var before = Runs;

        await instances.BothLookAsync();
        var whileHeld = Runs - before;
        Advance(TimeSpan.FromMinutes(6));
        await instances.BothLookAsync();

        Assert.Equal(0, whileHeld);
        Assert.Equal(1, Runs - before);
        var row = await instances.RowAsync(ProbeJob.Name);
        Assert.Equal((JobOutcome.Succeeded, (DateTime?)null), (row.LastOutcome, row.LeasedUntil));
        Assert.NotEqual("crashed-instance", row.LastRunBy);
    }

    [Fact]
    public async Task A_job_that_throws_records_its_error_leaves_the_host_running_and_runs_again_next_period()
    {
        StartFresh();
        core.Probe.Failing = true;
        var before = Runs;

        await instances.BothLookAsync();
        var failed = await instances.RowAsync(ProbeJob.Name);
        core.Probe.Failing = false;
        Advance(TimeSpan.FromMinutes(30));
        await instances.BothLookAsync();
        var samePeriod = Runs - before;
        Advance(TimeSpan.FromMinutes(30));
        await instances.BothLookAsync();

        Assert.Equal((JobOutcome.Failed, "InvalidOperationException: The probe was told to fail."), (failed.LastOutcome, failed.LastError));
        Assert.Equal(1, samePeriod);
        Assert.Equal(2, Runs - before);
        Assert.Equal((JobOutcome.Succeeded, (string?)null), ((await instances.RowAsync(ProbeJob.Name)).LastOutcome, (await instances.RowAsync(ProbeJob.Name)).LastError));
    }

    // What a crashed instance leaves: its claim on the current period, the run never finished. The job's row may not
    // exist yet when this test runs first (rows are made the first time an instance looks), so it is made here if need be.
    private async Task HoldLeaseAsync(string instance, TimeSpan left)
    {
        var now = core.Clock.GetUtcNow().UtcDateTime;
        var held = await core.RunAsync<CohortDbContext, int>(async db =>
        {
            if (!await db.ScheduledJobs.AnyAsync(j => j.Name == ProbeJob.Name))
            {
                db.ScheduledJobs.Add(new ScheduledJob { Name = ProbeJob.Name });
                await db.SaveChangesAsync();
            }

            return await db.ScheduledJobs.Where(j => j.Name == ProbeJob.Name).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeasedBy, instance).SetProperty(j => j.LeasedUntil, now + left).SetProperty(j => j.LastRunBy, instance)
                .SetProperty(j => j.PeriodStart, JobSchedule.PeriodStart(now, ProbeJob.Period)).SetProperty(j => j.LastOutcome, JobOutcome.Running));
        });
        Assert.Equal(1, held);
    }
}

/// <summary>Counts the probe job's runs across every instance of one fixture, and makes it fail on demand.</summary>
public sealed class Probe
{
    private int runs;

    public int Runs => Volatile.Read(ref runs);

    public bool Failing { get; set; }

    public void Ran() => Interlocked.Increment(ref runs);
}

/// <summary>A job that only counts: the lease is what is under test.</summary>
public sealed class ProbeJob(Probe probe) : IJob
{
    public const string Name = "probe";
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        probe.Ran();
        return probe.Failing ? throw new InvalidOperationException("The probe was told to fail.") : Task.FromResult(new JobReport(1, "probed"));
    }
}

/// <summary>Core's services with the probe job in every instance.</summary>
public abstract class ProbeCore(DatabaseProvider provider) : CoreServicesFixture(provider)
{
    public Probe Probe { get; } = new();

    protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton(Probe).AddJob<ProbeJob>(ProbeJob.Name, "Count runs", ProbeJob.Period);
}

public sealed class ProbeSqliteCore() : ProbeCore(DatabaseProvider.Sqlite);

public sealed class ProbePostgresCore() : ProbeCore(DatabaseProvider.Postgres);

public sealed class JobLeaseOnSqlite(ProbeSqliteCore core) : JobLeaseTests(core), IClassFixture<ProbeSqliteCore>;

public sealed class JobLeaseOnPostgres(ProbePostgresCore core) : JobLeaseTests(core), IClassFixture<ProbePostgresCore>;
