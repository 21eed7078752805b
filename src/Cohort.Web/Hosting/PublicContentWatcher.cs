using Cohort.Core.Catalogue;
using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Hosting;

/// <summary>
/// Keeps this instance's <see cref="PublicContentVersion"/> in step with the database's <see cref="PublicContentStamp"/>,
/// read every <see cref="Every"/>: an edit saved through another instance or by the CLI retires this instance's cached
/// public pages within that time (this instance's own saves do so at once). Whenever the version moves, the pages
/// cached under the old one are dropped from memory; they could no longer be found anyway.
/// </summary>
public sealed class PublicContentWatcher(
    IServiceScopeFactory scopes, PublicContentVersion version, IOutputCacheStore store, ILogger<PublicContentWatcher> logger) : BackgroundService
{
    /// <summary>One single-row read per instance this often: nothing for the database, and soon enough for an editor.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private bool failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        version.Changed += Evict;
        try
        {
            // Real time, not the app's clock: this is about other processes' saves, which happen in real time.
            using var timer = new PeriodicTimer(Every);
            do
            {
                await ReadAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            version.Changed -= Evict;
        }
    }

    private async Task ReadAsync(CancellationToken cancellation)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
            version.Saw(await db.PublicContentStamps.AsNoTracking()
                .Where(s => s.Id == PublicContentStamp.OnlyId).Select(s => s.Value).SingleOrDefaultAsync(cancellation));
            if (failing)
            {
                failing = false;
                logger.LogInformation("The public content stamp can be read again; public pages follow edits made elsewhere.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // Said once per outage, not every two seconds. Pages keep being served; the backstop (PublicPageCache.Longest) still applies.
            if (!failing)
            {
                failing = true;
                logger.LogWarning(e, "Could not read the public content stamp; edits made through other instances reach this one's cached pages only when the database answers again.");
            }
        }
    }

    // Called inside whichever save or poll moved the version: it must not hold that up, nor fail it.
    private void Evict() => _ = EvictAsync();

    private async Task EvictAsync()
    {
        try
        {
            await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not drop the cached public pages; they are unreachable under the new version and expire on their own.");
        }
    }
}
