using MailKit.Net.Smtp;
using MailKit.Security;

namespace Cohort.Core.Mail;

/// <summary>
/// How Cohort opens its connection to the SMTP server under <see cref="MailOptions.Security"/>, and how a failure to
/// open it is put in words. The outbox dispatcher sends through it; `cohort doctor` opens one to see that mail can go.
/// </summary>
public static class SmtpConnection
{
    /// <summary>
    /// Connects (EHLO included), secures the connection as the settings demand and signs in when a user is set.
    /// <paramref name="plainText"/> is called when <see cref="MailSecurity.Auto"/> had to settle for plain text.
    /// </summary>
    public static async Task OpenAsync(SmtpClient smtp, MailOptions settings, Action? plainText, CancellationToken cancellation)
    {
        // MailKit's StartTls throws when the server does not offer STARTTLS: that refusal is the point of RequireTls.
        var security = settings.Security switch
        {
            MailSecurity.RequireTls => settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellation);
        if (!smtp.IsSecure && settings.Security == MailSecurity.Auto)
        {
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                throw new Refused(
                    $"{settings.SmtpHost}:{settings.SmtpPort} offers no STARTTLS, and Cohort does not send {MailOptions.Section}:SmtpUser's password in plain text.");
            }

            plainText?.Invoke();
        }

        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await smtp.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellation);
        }
    }

    /// <summary>Whether <paramref name="e"/> means the server could not be used (rather than a fault in Cohort).</summary>
    public static bool IsFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or NotSupportedException or SslHandshakeException or AuthenticationException or Refused;

    /// <summary>Why the connection could not be used, for an admin or an operator. Never holds the password.</summary>
    public static string Problem(Exception e, MailOptions settings) => e switch
    {
        NotSupportedException when settings.Security == MailSecurity.RequireTls =>
            $"{settings.SmtpHost}:{settings.SmtpPort} does not offer STARTTLS, and {MailOptions.Section}:Security is RequireTls, so nothing goes out in plain text.",
        SslHandshakeException =>
            $"no TLS connection to {settings.SmtpHost}:{settings.SmtpPort} could be made (is its certificate valid for this name?). {e.Message}",
        _ => e.Message,
    };

    /// <summary>Cohort's own refusal to use a connection, for a reason MailKit would not see.</summary>
    private sealed class Refused(string message) : Exception(message);
}
