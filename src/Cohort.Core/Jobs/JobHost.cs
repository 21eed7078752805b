using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Jobs;

/// <summary>
/// Wakes the <see cref="JobRunner"/> every <see cref="JobsOptions.PollInterval"/> (one host a process). Nothing a
/// job or the database does stops it: a failed look is logged and the next one comes at the next interval.
/// </summary>
public sealed partial class JobHost(JobRunner runner, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobHost> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(log);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLookFailed(log, e);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due jobs failed; will look again")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jobs:Enabled is false: this instance runs no scheduled jobs (others sharing the database still do)")]
    private static partial void LogDisabled(ILogger logger);
}
