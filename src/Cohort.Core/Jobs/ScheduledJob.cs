namespace Cohort.Core.Jobs;

/// <summary>
/// One job's row: the lease that lets one instance run it per period, and what its last run did. There is one row a
/// job and no history table (the outbox runs every few seconds): each run is logged, and what a job did that matters
/// later is kept by the job itself (lapsed offers in the audit log, reminders in <c>SentReminders</c>).
/// </summary>
public class ScheduledJob
{
    public const int ClaimLength = 120;
    public const int ErrorLength = 2000;
    public const int SummaryLength = 500;

    public required string Name { get; set; }

    /// <summary>The period of the last claimed run; the job is due again once the current period is a later one.</summary>
    public DateTime? PeriodStart { get; set; }

    /// <summary>The current run's claim (instance and run), kept after it ends so only its own claimant can finish it.</summary>
    public string? LeasedBy { get; set; }

    /// <summary>Until when the claim holds; null when no run holds it. A claim that outlives this was left by a crash.</summary>
    public DateTime? LeasedUntil { get; set; }

    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }

    /// <summary>The instance that ran it last (machine, process and a random part: <see cref="InstanceName"/>).</summary>
    public string? LastRunBy { get; set; }

    /// <summary>"schedule", or the admin who pressed "Run now".</summary>
    public string? LastTrigger { get; set; }

    public JobOutcome? LastOutcome { get; set; }
    public int? LastCount { get; set; }
    public string? LastSummary { get; set; }
    public string? LastError { get; set; }
}

public enum JobOutcome
{
    /// <summary>Started and not finished: running now while the lease holds, interrupted (and due again) once it has lapsed.</summary>
    Running,
    Succeeded,

    /// <summary>The job threw: the error is kept, and the next period runs it again.</summary>
    Failed,
}
