using Cohort.Core.Jobs;

namespace Cohort.Core.Api;

/// <summary>The daily job that forgets Idempotency-Keys older than a day, with the answers they kept.</summary>
public sealed class ExpireIdempotencyKeys(IdempotencyKeys keys) : IJob
{
    public const string Name = "idempotency-keys";

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var deleted = await keys.PurgeExpiredAsync(cancellation);
        return new(deleted, $"{deleted} expired Idempotency-Key(s) deleted");
    }
}
