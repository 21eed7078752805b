using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cohort.Core.Accounts;

/// <summary>
/// An invitation's secret: 256 random bits, mailed once in the link. Only its SHA-256 is stored; a token that
/// random needs no slow hash, since no guess list can cover it.
/// </summary>
public static class InvitationToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
