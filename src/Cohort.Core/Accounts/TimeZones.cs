using System.Text.RegularExpressions;

namespace Cohort.Core.Accounts;

/// <summary>
/// The time zones a person may record on their account: IANA names (Asia/Kolkata, Europe/Berlin) that this machine's
/// .NET knows, as browsers report them. Anything else is treated as no zone at all, never as an error a person sees.
/// </summary>
public static partial class TimeZones
{
    /// <summary>The longest name stored; the longest IANA name is about 30 characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The zone named <paramref name="id"/>, or null when it is empty, malformed, unknown or not an IANA name.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        // The shape is checked before the name reaches the system's zone files, which it names a path in.
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || !IanaShape().IsMatch(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }

    /// <summary>Every zone a person may choose, by IANA name.</summary>
    public static IReadOnlyList<TimeZoneInfo> All() =>
        TimeZoneInfo.GetSystemTimeZones().Where(zone => Find(zone.Id) is not null).OrderBy(zone => zone.Id, StringComparer.Ordinal).ToList();

    /// <summary>The IANA name of <paramref name="id"/> when it is a known zone, else null: what an account stores.</summary>
    public static string? Normalise(string? id) => Find(id?.Trim())?.Id;

    /// <summary>
    /// True for a zone whose clock always reads UTC (UTC itself, Etc/GMT, Atlantic/Reykjavik...): naming it beside
    /// UTC would only repeat the same time.
    /// </summary>
    public static bool IsUtc(TimeZoneInfo zone) => zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    /// <summary>The moment <paramref name="utc"/> on the clocks of <paramref name="zone"/>.</summary>
    public static DateTime ToZone(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9][A-Za-z0-9_+\-]*){0,2}$")]
    private static partial Regex IanaShape();
}
