namespace Cohort.Core.Accounts;

/// <summary>
/// How failed sign-ins slow an account down, in place of a fixed lockout that anyone could renew against anyone.
/// The first <see cref="FreeFailures"/> failures in a row cost nothing (typos); each further one makes the account
/// wait before the next try: 30 seconds, then twice as long each time, at most <see cref="LongestWait"/>. Tries made
/// while waiting are refused unread and do not lengthen the wait, and a successful sign-in or a password reset
/// starts the count again. So a guesser gets at most one try per 8 minutes (180 a day), while the owner, whoever is
/// guessing, is kept out for at most 8 minutes after the last counted failure.
/// </summary>
public static class SignInBackoff
{
    public const int FreeFailures = 4;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(8);

    /// <summary>The wait imposed after the <paramref name="failures"/>-th failure in a row.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures <= FreeFailures)
        {
            return TimeSpan.Zero;
        }

        // Capping the exponent first keeps the shift in range however many failures pile up.
        var doublings = Math.Min(failures - FreeFailures - 1, 10);
        var wait = FirstWait * (1 << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>"Try again in 4 minutes." for a wait that ends at <paramref name="until"/>.</summary>
    public static string TryAgain(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        var when = left < TimeSpan.FromMinutes(1)
            ? Count(Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)), "second")
            : Count((int)Math.Ceiling(left.TotalMinutes), "minute");
        return $"Too many failed attempts: try again in {when}. If you have forgotten your password, you can reset it meanwhile.";
    }

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
