using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>Refuses guessable passwords wherever one is set: sign-up, reset, change and `cohort admin create`.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CohortUser>
{
    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<CohortUser> manager, CohortUser user, string? password) =>
        Task.FromResult(password is not null && CommonPasswords.IsGuessable(password, [user.Email, user.UserName, user.DisplayName])
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is too easy to guess: it is a common password, a single dictionary word, or your name or " +
                              "email, perhaps with digits or symbols added. A few unrelated words make a strong password.",
            })
            : IdentityResult.Success);
}
