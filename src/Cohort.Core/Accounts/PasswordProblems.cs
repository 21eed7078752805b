using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

public static class PasswordProblems
{
    /// <summary>
    /// What every registered password rule says against <paramref name="password"/> for <paramref name="user"/>, checked
    /// before anything is written, so a refused password leaves no half-made account behind.
    /// </summary>
    public static async Task<List<IdentityError>> OfAsync(UserManager<CohortUser> users, CohortUser user, string password)
    {
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return problems;
    }
}
