namespace Cohort.Core.Jobs;

/// <summary>The scheduled jobs' settings (section "Jobs"). Each job's default period is the one its feature registers.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance looks for due jobs. Any instance may run any job; turning it off here leaves them to the others.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often this instance looks for due jobs: a job starts at most this late into its period.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim on a run lasts; a running job renews it, so only a crashed instance's claim lapses.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Periods by job name (<c>Jobs:Periods:draft-reminders = 00:30:00</c>), replacing the defaults.</summary>
    public Dictionary<string, TimeSpan> Periods { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // By name in any case: the configuration binder may not keep this dictionary's comparer.
    public TimeSpan PeriodOf(JobDefinition job) =>
        Periods.Where(p => Names(p.Key, job.Name)).Select(p => (TimeSpan?)p.Value).FirstOrDefault() ?? job.DefaultPeriod;

    /// <summary>
    /// Whether a key under Periods names the job, in any case and with '_' for '-': an environment file that a shell
    /// reads (the cohort wrapper sources /etc/cohort/cohort.env) cannot hold a variable named Jobs__Periods__offers-lapse.
    /// </summary>
    public static bool Names(string key, string jobName) =>
        string.Equals(key.Replace('_', '-'), jobName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem with these settings, each naming its key; checked when the app starts.</summary>
    public static IEnumerable<string> Problems(JobsOptions jobs, IEnumerable<JobDefinition> definitions)
    {
        foreach (var (key, value) in new[] { (nameof(PollInterval), jobs.PollInterval), (nameof(LeaseDuration), jobs.LeaseDuration) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be a positive time such as 00:00:05; it is {value}.";
            }
        }

        var names = definitions.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var (name, period) in jobs.Periods)
        {
            if (!names.Any(job => Names(name, job)))
            {
                yield return $"{Section}:Periods:{name} names no job; the jobs are {string.Join(", ", names)}.";
            }
            else if (period < TimeSpan.FromSeconds(1))
            {
                yield return $"{Section}:Periods:{name} must be at least one second, such as 00:15:00; it is {period}.";
            }
        }
    }
}
