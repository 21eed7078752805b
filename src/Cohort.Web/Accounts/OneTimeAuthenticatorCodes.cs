using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Accounts;

/// <summary>
/// The authenticator (TOTP, RFC 6238) check, stricter than Identity's own, which accepts a code for 90 seconds either
/// side of its 30-second step and accepts it again and again. Here a code is good during its own step and the next
/// (time to type it), on the app's clock, and once only: after a success, no code of that step or an earlier one
/// works. Identity still makes and stores the key; the last step used is kept in Identity's token table.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock) : AuthenticatorTokenProvider<CohortUser>
{
    private const string LoginProvider = "[Cohort]";
    private const string LastStepName = "LastAuthenticatorStep";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CohortUser> manager, CohortUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        long[] steps = [now, now - 1];
        var secret = Base32.Decode(key);
        var matched = steps.Where(step => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            .Cast<long?>().FirstOrDefault();
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last
            : long.MinValue;
        if (matched is not { } used || used <= lastUsed)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, used.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>RFC 6238 with RFC 4226's dynamic truncation: HMAC-SHA1 of the step number, 6 digits.</summary>
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var number = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (number % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, the alphabet Identity writes authenticator keys in.</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var output = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && !char.IsWhiteSpace(c)))
            {
                buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    output.Add((byte)(buffer >> bits));
                    buffer &= (1 << bits) - 1;
                }
            }

            return [.. output];
        }
    }
}
