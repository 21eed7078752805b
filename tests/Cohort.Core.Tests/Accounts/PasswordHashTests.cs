using System.Buffers.Binary;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Tests.Accounts;

/// <summary>Stored passwords cost a guesser as much as OWASP asks (ASVS 11.4.2), and older, cheaper hashes are upgraded.</summary>
public class PasswordHashTests
{
    private static IPasswordHasher<CohortUser> Hasher(int? iterations = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<CohortUser>(AccountPolicy.Configure).AddCohortPasswordRules();
        if (iterations is { } count)
        {
            services.PostConfigure<PasswordHasherOptions>(hasher => hasher.IterationCount = count);
        }

        return services.BuildServiceProvider().GetRequiredService<IPasswordHasher<CohortUser>>();
    }

    // Identity's version 3 format: a marker byte, the PRF, then the iteration count, each a big-endian uint.
    private static int IterationsOf(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [Fact]
    public void Passwords_are_hashed_with_210000_iterations_of_pbkdf2()
    {
        var hash = Hasher().HashPassword(new CohortUser(), "ledger violet harbour");

        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        Assert.Equal(AccountPolicy.PasswordHashIterations, IterationsOf(hash));
        Assert.True(AccountPolicy.PasswordHashIterations >= 210_000);
    }

    [Fact]
    public void A_hash_made_with_identitys_old_default_still_verifies_and_asks_to_be_rehashed()
    {
        var user = new CohortUser();
        var old = Hasher(iterations: 100_000).HashPassword(user, "ledger violet harbour");

        Assert.Equal(100_000, IterationsOf(old));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher().VerifyHashedPassword(user, old, "ledger violet harbour"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(user, old, "another passphrase"));
    }
}
