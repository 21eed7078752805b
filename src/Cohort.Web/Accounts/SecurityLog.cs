using System.Net;

namespace Cohort.Web.Accounts;

/// <summary>
/// The log of authentication and refused access (ASVS 16.3.1, 16.3.2), under its own category so an operator can
/// keep or ship it apart from the rest: every sign-in step with its outcome, the factor used, the account's id and the
/// client's address (after the known proxies). Never a password, a code or an email address: an unknown address is
/// logged as such, so the log cannot be read for who applied.
/// </summary>
public static partial class SecurityLog
{
    public const string Category = "Cohort.Security";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sign-in: {Factor} accepted for account {UserId} from {Client}; {Next}")]
    public static partial void Accepted(ILogger log, string factor, string userId, IPAddress? client, string next);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sign-in: {Factor} refused for account {UserId} from {Client}: {Reason}")]
    public static partial void Refused(ILogger log, string factor, string userId, IPAddress? client, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sign-in: password for an address with no account, from {Client}")]
    public static partial void UnknownAccount(ILogger log, IPAddress? client);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Access refused: {Method} {Path} to {UserId} from {Client}")]
    public static partial void AccessRefused(ILogger log, string method, string path, string userId, IPAddress? client);
}
