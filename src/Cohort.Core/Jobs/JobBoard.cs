using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Jobs;

/// <summary>Where one job stands: its period, its row (null before any instance looked), and when it runs next.</summary>
/// <param name="NextRunAt">The start of the period it runs in next; null when it is due at the next look (or running now).</param>
public sealed record JobStatus(JobDefinition Job, TimeSpan Period, ScheduledJob? Row, JobState State, DateTime? NextRunAt);

public enum JobState
{
    /// <summary>Never run, due at the next look.</summary>
    NeverRun,
    Idle,
    Running,

    /// <summary>Its run stopped with its instance (a crash, or a stop mid-run); the next look runs the period again.</summary>
    Interrupted,
}

/// <summary>The jobs as the admin page shows them, in registration order, with their periods as this instance reads its settings.</summary>
public sealed class JobBoard(CohortDbContext db, JobRunner runner, IOptions<JobsOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.ScheduledJobs.AsNoTracking().ToDictionaryAsync(j => j.Name, cancellation);
        return runner.Jobs.Select(job =>
        {
            var period = options.Value.PeriodOf(job);
            var row = rows.GetValueOrDefault(job.Name);
            var state = row switch
            {
                null or { PeriodStart: null } => JobState.NeverRun,
                { LastOutcome: JobOutcome.Running, LeasedUntil: { } until } when until >= now => JobState.Running,
                { LastOutcome: JobOutcome.Running } => JobState.Interrupted,
                _ => JobState.Idle,
            };
            var next = state is JobState.Idle or JobState.Running ? row!.PeriodStart!.Value + period : (DateTime?)null;
            return new JobStatus(job, period, row, state, next is { } at && (at > now || state == JobState.Running) ? at : null);
        }).ToList();
    }
}
