using System.Diagnostics;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Jobs;

/// <summary>What asking for a run gave: whether this instance ran it, and what happened in words.</summary>
public sealed record JobAttempt(bool Ran, JobOutcome? Outcome, string Message);

/// <summary>
/// Claims and runs jobs, one instance a period. Every instance (one runner a process) may try: a claim is one
/// conditional UPDATE of the job's row, true only while no live lease holds it and, for a scheduled run, while the
/// last claimed period is an earlier one or its run was interrupted. The condition sits on the row, so when two
/// instances race the database re-checks it after the first commits (PostgreSQL) or runs the writes one after the
/// other (SQLite), and one claim wins. The winner renews its lease while the job runs, and a crashed instance's
/// lease lapses, after which the next instance to look runs the period again.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes, IEnumerable<JobDefinition> definitions, IOptions<JobsOptions> options, TimeProvider clock, CohortMetrics metrics, ILogger<JobRunner> log)
{
    public const string ScheduleTrigger = "schedule";

    private bool rowsExist;

    /// <summary>Names this instance in its claims and on the admin page.</summary>
    public string InstanceId { get; } = InstanceName.New();

    /// <summary>The registered jobs, in the order they were registered.</summary>
    public IReadOnlyList<JobDefinition> Jobs { get; } = definitions.ToList();

    public JobDefinition? Find(string name) => Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs every job that is due and that this instance wins; returns how many it ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellation)
    {
        var ran = 0;
        foreach (var job in Jobs)
        {
            cancellation.ThrowIfCancellationRequested();
            if ((await TryRunAsync(job, ScheduleTrigger, scheduled: true, cancellation)).Ran)
            {
                ran++;
            }
        }

        return ran;
    }

    /// <summary>
    /// Runs <paramref name="job"/> now, for <paramref name="by"/> (an admin), through the same lease: refused while
    /// another run holds it. The run counts as the current period's.
    /// </summary>
    public Task<JobAttempt> RunNowAsync(JobDefinition job, string by, CancellationToken cancellation) =>
        TryRunAsync(job, by, scheduled: false, cancellation);

    private async Task<JobAttempt> TryRunAsync(JobDefinition job, string trigger, bool scheduled, CancellationToken cancellation)
    {
        var settings = options.Value;
        var period = settings.PeriodOf(job);
        var now = clock.GetUtcNow().UtcDateTime;
        var periodStart = JobSchedule.PeriodStart(now, period);
        var claim = $"{InstanceId}:{Guid.NewGuid():N}";
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
            await EnsureRowsAsync(db, cancellation);
            var won = await Claimable(db.ScheduledJobs, job.Name, now, scheduled ? periodStart : null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LeasedBy, claim)
                    .SetProperty(j => j.LeasedUntil, now + settings.LeaseDuration)
                    .SetProperty(j => j.PeriodStart, periodStart)
                    .SetProperty(j => j.LastStartedAt, now)
                    .SetProperty(j => j.LastFinishedAt, (DateTime?)null)
                    .SetProperty(j => j.LastRunBy, InstanceId)
                    .SetProperty(j => j.LastTrigger, ColumnText.Fit(trigger, 200))
                    .SetProperty(j => j.LastOutcome, JobOutcome.Running)
                    .SetProperty(j => j.LastCount, (int?)null)
                    .SetProperty(j => j.LastSummary, (string?)null)
                    .SetProperty(j => j.LastError, (string?)null), cancellation);
            if (won == 0)
            {
                return scheduled ? new(false, null, "Not due, or another instance has it.") : await HeldAsync(db, job, cancellation);
            }
        }

        return await RunClaimedAsync(job, new JobContext(periodStart, period, now), claim, trigger, cancellation);
    }

    /// <summary>
    /// The job's row if it may be claimed at <paramref name="now"/>: no live lease, and for a scheduled run (a
    /// <paramref name="periodStart"/>) a period not claimed yet or a run that never finished.
    /// </summary>
    private static IQueryable<ScheduledJob> Claimable(IQueryable<ScheduledJob> jobs, string name, DateTime now, DateTime? periodStart)
    {
        var free = jobs.Where(j => j.Name == name && (j.LeasedUntil == null || j.LeasedUntil < now));
        return periodStart is { } start
            ? free.Where(j => j.PeriodStart == null || j.PeriodStart < start || j.LastOutcome == JobOutcome.Running)
            : free;
    }

    private async Task<JobAttempt> RunClaimedAsync(JobDefinition job, JobContext context, string claim, string trigger, CancellationToken cancellation)
    {
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var renewal = KeepLeaseAsync(job, claim, lease);
        var watch = Stopwatch.StartNew();
        JobReport? report = null;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (IJob)scope.ServiceProvider.GetRequiredService(job.Type);
            report = await instance.RunAsync(context, lease.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The host is stopping: give the lease back with the run still marked running, so the next instance to
            // look runs the period again rather than waiting for the lease to lapse.
            await StopRenewingAsync(lease, renewal);
            await ReleaseAsync(job, claim);
            LogJobInterrupted(log, job.Name, InstanceId);
            return new(false, JobOutcome.Running, "Interrupted: this server is stopping; another instance will run it.");
        }
        catch (Exception e)
        {
            error = lease.IsCancellationRequested ? $"Stopped: this instance lost its lease ({e.Message})" : $"{e.GetType().Name}: {e.Message}";
            LogJobFailed(log, job.Name, InstanceId, e);
        }

        await StopRenewingAsync(lease, renewal);
        var outcome = error is null ? JobOutcome.Succeeded : JobOutcome.Failed;
        await FinishAsync(job, claim, outcome, report, error);
        LogJobRan(log, job.Name, trigger, context.PeriodStart, outcome, report?.Count ?? 0, report?.Summary ?? error ?? "", watch.Elapsed.TotalMilliseconds, InstanceId);
        metrics.JobRan(job.Name, outcome == JobOutcome.Succeeded ? "succeeded" : "failed");
        return new(true, outcome, error ?? report!.Summary);
    }

    // Renews the claim at a third of its duration. A claim that cannot be renewed was taken over (this instance
    // stalled past its lease): the job is stopped, so two instances never go on running the same period.
    private async Task KeepLeaseAsync(JobDefinition job, string claim, CancellationTokenSource lease)
    {
        var duration = options.Value.LeaseDuration;
        while (!lease.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(duration / 3, clock, lease.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + duration;
                if (await db.ScheduledJobs.Where(j => j.Name == job.Name && j.LeasedBy == claim)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntil, until), lease.Token) == 0)
                {
                    await lease.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away for a moment: the lease still holds for two more thirds; try again.
                LogRenewalFailed(log, job.Name, e);
            }
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource lease, Task renewal)
    {
        await lease.CancelAsync();
        await renewal;
    }

    // Recorded whatever the caller's token says: a finished run that is not recorded would run again.
    private async Task FinishAsync(JobDefinition job, string claim, JobOutcome outcome, JobReport? report, string? error)
    {
        var finished = clock.GetUtcNow().UtcDateTime;
        var count = report?.Count;
        var summary = report is null ? null : ColumnText.Fit(report.Summary, ScheduledJob.SummaryLength);
        var shortError = error is null ? null : ColumnText.Fit(error, ScheduledJob.ErrorLength);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        await db.ScheduledJobs.Where(j => j.Name == job.Name && j.LeasedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeasedUntil, (DateTime?)null)
            .SetProperty(j => j.LastFinishedAt, finished)
            .SetProperty(j => j.LastOutcome, outcome)
            .SetProperty(j => j.LastCount, count)
            .SetProperty(j => j.LastSummary, summary)
            .SetProperty(j => j.LastError, shortError), CancellationToken.None);
    }

    private async Task ReleaseAsync(JobDefinition job, string claim)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        await db.ScheduledJobs.Where(j => j.Name == job.Name && j.LeasedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntil, (DateTime?)null), CancellationToken.None);
    }

    private static async Task<JobAttempt> HeldAsync(CohortDbContext db, JobDefinition job, CancellationToken cancellation)
    {
        var row = await db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == job.Name, cancellation);
        return new(false, row.LastOutcome, $"Not run: {row.LastRunBy} is running it (its lease holds until {row.LeasedUntil:u}). Try again once it has finished.");
    }

    // A job's row is made the first time any instance looks; two instances making it at once make one (the name is
    // the key), and the loser finds it made.
    private async Task EnsureRowsAsync(CohortDbContext db, CancellationToken cancellation)
    {
        if (rowsExist)
        {
            return;
        }

        var names = Jobs.Select(j => j.Name).ToList();
        var existing = await db.ScheduledJobs.Where(j => names.Contains(j.Name)).Select(j => j.Name).ToListAsync(cancellation);
        var missing = names.Except(existing).ToList();
        if (missing.Count > 0)
        {
            db.ScheduledJobs.AddRange(missing.Select(name => new ScheduledJob { Name = name }));
            await db.TrySaveAsync(cancellation);
            missing = names.Except(await db.ScheduledJobs.Where(j => names.Contains(j.Name)).Select(j => j.Name).ToListAsync(cancellation)).ToList();
        }

        rowsExist = missing.Count == 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ran ({Trigger}) for the period from {PeriodStart:o}: {Outcome}, {Count}: {Summary} in {ElapsedMs:0} ms on {Instance}")]
    private static partial void LogJobRan(ILogger logger, string job, string trigger, DateTime periodStart, JobOutcome outcome, int count, string summary, double elapsedMs, string instance);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed on {Instance}; the next period runs it again")]
    private static partial void LogJobFailed(ILogger logger, string job, string instance, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} was interrupted on {Instance} by the server stopping; another instance will run it")]
    private static partial void LogJobInterrupted(ILogger logger, string job, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {Job} failed; will retry")]
    private static partial void LogRenewalFailed(ILogger logger, string job, Exception exception);
}
