using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// Identity's user manager with <see cref="SignInBackoff"/> in place of its fixed lockout, read on the app's clock.
/// Identity counts every failed password and every failed second-factor code through <see cref="AccessFailedAsync"/>,
/// and refuses every sign-in step while <see cref="IsLockedOutAsync"/> holds.
/// </summary>
public sealed class BackoffUserManager(
    IUserStore<CohortUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<CohortUser> hasher,
    IEnumerable<IUserValidator<CohortUser>> userValidators,
    IEnumerable<IPasswordValidator<CohortUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<CohortUser>> logger,
    TimeProvider clock)
    : UserManager<CohortUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    private IUserLockoutStore<CohortUser> Lockouts => (IUserLockoutStore<CohortUser>)Store;

    public override async Task<IdentityResult> AccessFailedAsync(CohortUser user)
    {
        var failures = await Lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        var wait = SignInBackoff.WaitAfter(failures);
        if (wait > TimeSpan.Zero)
        {
            await Lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow() + wait, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    public override async Task<bool> IsLockedOutAsync(CohortUser user) =>
        await Lockouts.GetLockoutEnabledAsync(user, CancellationToken)
        && await Lockouts.GetLockoutEndDateAsync(user, CancellationToken) > clock.GetUtcNow();

    /// <summary>The message for a person who must wait before trying again, or null when they need not.</summary>
    public async Task<string?> WaitMessageAsync(CohortUser? user) =>
        user is not null && await IsLockedOutAsync(user) ? SignInBackoff.TryAgain(user.LockoutEnd!.Value, clock.GetUtcNow()) : null;

    /// <summary>A proven owner (a reset link, a successful sign-in) starts the count of failures again.</summary>
    public async Task ClearFailuresAsync(CohortUser user)
    {
        await Lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        await Lockouts.SetLockoutEndDateAsync(user, null, CancellationToken);
        await UpdateUserAsync(user);
    }
}
