using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cohort.Tests.Shared;

/// <summary>
/// An authenticator app in a few lines, written from RFC 6238 (TOTP: HMAC-SHA1, 30-second steps, 6 digits) and
/// RFC 4648 (base32), independently of the app's code, so the tests prove the app speaks the standard.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code an app shows at <paramref name="at"/> for a key as Cohort displays it (grouped, any case).</summary>
    public static string Code(string displayedKey, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32(displayedKey), counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Moves the app's clock on to the next 30-second step and gives that step's code (one not used yet).</summary>
    public static string Next(SettableClock clock, string displayedKey)
    {
        clock.Now += TimeSpan.FromSeconds(30);
        return Code(displayedKey, clock.Now);
    }

    private static byte[] Base32(string text)
    {
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c != ' ' && c != '=')
            .Select(c => Convert.ToString(Base32Alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
