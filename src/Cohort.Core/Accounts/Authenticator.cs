namespace Cohort.Core.Accounts;

/// <summary>What an authenticator app needs to enrol: the shared key, readable, and the otpauth:// URI its QR code carries.</summary>
public static class Authenticator
{
    public const string Issuer = "Cohort";

    /// <summary>The key URI format of Google Authenticator, which every TOTP app reads: 6 digits, 30 seconds, SHA-1.</summary>
    public static string EnrolmentUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The key in groups of four, as people type it into an app by hand.</summary>
    public static string Readable(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));
}
