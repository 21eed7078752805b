using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Api;

/// <summary>What a write sent with an Idempotency-Key may do.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is new: run the write, then <see cref="IdempotencyKeys.CompleteAsync"/> or <see cref="IdempotencyKeys.ReleaseAsync"/>.</summary>
    public sealed record First(int Id) : IdempotencyClaim;

    /// <summary>The key answered this same request before: send its answer again.</summary>
    public sealed record Replay(int Status, string? ContentType, string Body) : IdempotencyClaim;

    /// <summary>The key was used for another request (another body, method or path).</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The first request with this key is still running after the wait.</summary>
    public sealed record StillRunning : IdempotencyClaim;
}

/// <summary>
/// The Idempotency-Key store. The first request with a key inserts its row before it writes; the table's unique index
/// on (token, key) refuses a concurrent second insert, and that request waits for the first to finish and replays
/// its answer. So concurrent first uses of a key run the write once, on either database.
/// </summary>
public sealed class IdempotencyKeys(CohortDbContext db, TimeProvider clock)
{
    /// <summary>How often, and how many times, a request polls for the first request of its key to finish (10 s in all).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private const int Polls = 100;

    public async Task<IdempotencyClaim> ClaimAsync(int tokenId, string key, string method, string path, string requestHash, CancellationToken cancellation)
    {
        for (var poll = 0; ; poll++)
        {
            if (poll > Polls)
            {
                return new IdempotencyClaim.StillRunning();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            // Looked up first, so only a true race meets the unique index (and logs the refused insert).
            var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ApiTokenId == tokenId && r.Key == key, cancellation);
            if (earlier is null)
            {
                var row = new IdempotentRequest { ApiTokenId = tokenId, Key = key, Method = method, Path = path, RequestHash = requestHash, CreatedAt = now };
                db.IdempotentRequests.Add(row);
                if (await db.TrySaveAsync(cancellation))
                {
                    // The write's own unit of work must not save this row again.
                    db.Entry(row).State = EntityState.Detached;
                    return new IdempotencyClaim.First(row.Id);
                }

                continue; // another request claimed the key meanwhile: read its row
            }

            if (earlier.CreatedAt <= now - IdempotentRequest.Lifetime)
            {
                await db.IdempotentRequests.Where(r => r.Id == earlier.Id).ExecuteDeleteAsync(cancellation);
                continue;
            }

            if (!earlier.Answers(method, path, requestHash))
            {
                return new IdempotencyClaim.Mismatch();
            }

            if (earlier.Status is { } status)
            {
                return new IdempotencyClaim.Replay(status, earlier.ContentType, earlier.ResponseBody ?? "");
            }

            await Task.Delay(Poll, cancellation);
        }
    }

    /// <summary>Keeps the first request's answer for the retries.</summary>
    public Task CompleteAsync(int id, int status, string? contentType, string body, CancellationToken cancellation) =>
        db.IdempotentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.ResponseBody, body), cancellation);

    /// <summary>Forgets a key whose request failed on the server's side, so a retry runs it again.</summary>
    public Task ReleaseAsync(int id) =>
        // Not cancellable: a client that hangs up mid-request must not leave its key claimed for a day.
        db.IdempotentRequests.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>Deletes the keys older than <see cref="IdempotentRequest.Lifetime"/>; the daily job calls it.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellation)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - IdempotentRequest.Lifetime;
        return db.IdempotentRequests.Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellation);
    }
}
