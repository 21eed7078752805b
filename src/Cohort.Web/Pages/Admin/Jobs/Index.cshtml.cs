using Cohort.Core.Jobs;

namespace Cohort.Web.Pages.Admin.Jobs;

/// <summary>
/// The scheduled jobs: each one's period, last run (when, on which instance, what it did or the error) and next run,
/// and "Run now", which runs the job here through the same lease as the schedule, so it never runs beside another
/// instance's run, and records the request in the audit log.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, JobBoard board, JobRunner runner, IHostApplicationLifetime lifetime) : AuditedPage(db, audit)
{
    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];

    /// <summary>This instance's name, as the "Ran on" column writes it.</summary>
    public string Instance => runner.InstanceId;

    public async Task OnGetAsync(CancellationToken cancellation) => Jobs = await board.ListAsync(cancellation);

    public async Task<IActionResult> OnPostRunNowAsync(string? name, CancellationToken cancellation)
    {
        if (name is null || runner.Find(name) is not { } job)
        {
            return NotFound();
        }

        // The run outlives the request: an admin who leaves the page does not stop a job half-way.
        var attempt = await runner.RunNowAsync(job, $"{User.AsActor().Name} (Run now)", lifetime.ApplicationStopping);
        var notice = attempt switch
        {
            { Ran: true, Outcome: JobOutcome.Succeeded } => $"{job.Name} ran: {attempt.Message}.",
            { Ran: true } => $"{job.Name} failed: {attempt.Message}",
            _ => $"{job.Name}: {attempt.Message}",
        };
        await SaveAsync("job.run", $"job:{job.Name}", notice, cancellation);
        return RedirectWithNotice(notice, "/Admin/Jobs/Index");
    }
}
