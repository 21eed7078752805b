using Cohort.Core.Jobs;

namespace Cohort.Core.Privacy;

/// <summary>The daily job that applies the retention rule, as `cohort purge` does; with no retention set it erases nobody.</summary>
public sealed class ApplicantRetention(PurgeExpiredApplicants purge) : IJob
{
    public const string Name = "applicant-retention";

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var report = await purge.RunAsync(dryRun: false, cancellation);
        return new(report.Erased, report.Problem ?? $"{report.Erased} expired applicant(s) erased" +
            (report.Refusals.Count == 0 ? "" : $"; {report.Refusals.Count} refused: {string.Join(" ", report.Refusals)}"));
    }
}
