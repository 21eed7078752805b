using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cohort.Core.Api;

/// <summary>
/// An API token's secret: <c>coh_</c> and 256 random bits in base64url, shown once. Only its SHA-256 is stored; a secret
/// that random needs no slow hash, since no guess list can cover it. Its first <see cref="PrefixLength"/> characters
/// are kept in clear so people can tell their tokens apart (and secret scanners can recognise a leaked one).
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "coh_";
    public const int PrefixLength = 12;
    public const int HashLength = 64;

    public static string New() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string secret) => secret[..PrefixLength];

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> has the shape of a token at all, so garbage never reaches the database.</summary>
    public static bool LooksLikeOne(string secret) =>
        secret.Length == Marker.Length + 43 && secret.StartsWith(Marker, StringComparison.Ordinal);
}
