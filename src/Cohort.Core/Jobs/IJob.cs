namespace Cohort.Core.Jobs;

/// <summary>
/// One scheduled job: a small class a feature registers with <see cref="JobsServices.AddJob{TJob}"/>. The
/// <see cref="JobRunner"/> resolves it in a scope of its own for each run, after it has won the job's lease for the
/// period, so a job runs once per period however many instances share the database. A job must still be safe to run
/// twice (a run cut short by a crash is run again by another instance): it records what it did in the same save
/// as the work itself.
/// </summary>
public interface IJob
{
    Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation);
}

/// <summary>What one run did, for the admin page and the log: a count and the same in words ("3 offers lapsed").</summary>
public sealed record JobReport(int Count, string Summary);

/// <summary>The run's period (the span of time it is the one run for) and the moment it started.</summary>
public sealed record JobContext(DateTime PeriodStart, TimeSpan Period, DateTime StartedAt);
