using Cohort.Core.Mail;
using MailKit.Net.Smtp;

namespace Cohort.Core.Operations;

/// <summary>The SMTP server answers (EHLO), with the protection and the sign-in the dispatcher would use.</summary>
internal static class MailCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<Finding> RunAsync(MailOptions mail, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(mail.SmtpHost))
        {
            return new Finding(Verdict.Warning, "mail", "not configured: mail stays in the outbox, where admins can read it.",
                "to send it, set Mail__SmtpHost (and Mail__SmtpPort, Mail__Security, Mail__SmtpUser, Mail__SmtpPassword).");
        }

        var server = $"{mail.SmtpHost}:{mail.SmtpPort}";
        using var smtp = new SmtpClient { Timeout = (int)Patience.TotalMilliseconds };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        patience.CancelAfter(Patience);
        var plainText = false;
        var secure = false;
        try
        {
            await SmtpConnection.OpenAsync(smtp, mail, () => plainText = true, patience.Token);
            secure = smtp.IsSecure;
            await smtp.DisconnectAsync(quit: true, patience.Token);
        }
        catch (Exception e) when (SmtpConnection.IsFailure(e) || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? $"no answer within {Patience.TotalSeconds:0} s" : SmtpConnection.Problem(e, mail);
            return new Finding(Verdict.Problem, "mail", $"cannot use the SMTP server {server}: {why}",
                "check Mail__SmtpHost, Mail__SmtpPort and Mail__Security (and Mail__SmtpUser, Mail__SmtpPassword), and that this machine may reach the server; until then mail waits in the outbox.");
        }

        var signedIn = string.IsNullOrEmpty(mail.SmtpUser) ? "" : $", signed in as {mail.SmtpUser}";
        return plainText
            ? new Finding(Verdict.Warning, "mail", $"{server} answers, but offers no STARTTLS: mail goes in plain text (Mail:Security is Auto).",
                "enable STARTTLS on the server, or set Mail__Security to None to say plain text is meant (a relay on this machine).")
            : new Finding(Verdict.Ok, "mail", $"{server} answers{(secure ? " over TLS" : " in plain text (Mail:Security is None)")}{signedIn}.");
    }
}
