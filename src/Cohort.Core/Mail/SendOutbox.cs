using Cohort.Core.Jobs;

namespace Cohort.Core.Mail;

/// <summary>
/// The outbox as a scheduled job: each period, one instance sends what is due, batch after batch while batches come
/// back full. With no SMTP host set it sends nothing and says so, and mail stays in the outbox for admins to read.
/// </summary>
public sealed class SendOutbox(OutboxDispatcher dispatcher) : IJob
{
    public const string Name = "outbox";

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        if (!dispatcher.Sends)
        {
            return new(0, $"No SMTP host is set ({MailOptions.Section}:SmtpHost), so mail stays in the outbox.");
        }

        var attempted = 0;
        int claimed;
        do
        {
            claimed = await dispatcher.SendPendingAsync(cancellation);
            attempted += claimed;
        }
        while (claimed >= dispatcher.BatchSize);

        return new(attempted, attempted == 1 ? "1 message attempted" : $"{attempted} messages attempted");
    }
}
