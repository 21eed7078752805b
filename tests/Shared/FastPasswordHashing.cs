using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Tests.Shared;

/// <summary>
/// Password hashes for test services. Every sign-in and new account costs the production hash (210,000 rounds of
/// PBKDF2, about 0.1 s of CPU), and the tests sign in and make accounts thousands of times between them; the production
/// count and the rehash of older hashes are the subject of Core's PasswordHashTests, which keep the real settings.
/// Identity's hash format records its count, so a hash made here verifies with the same rounds.
/// </summary>
public static class FastPasswordHashing
{
    public const int Iterations = 1_000;

    /// <summary>Registered after the app's own password rules, so it wins over them.</summary>
    public static IServiceCollection UseFastPasswordHashing(this IServiceCollection services) =>
        services.PostConfigure<PasswordHasherOptions>(hasher => hasher.IterationCount = Iterations);
}
