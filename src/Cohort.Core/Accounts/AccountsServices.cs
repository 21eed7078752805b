using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Accounts;

public static class AccountsServices
{
    /// <summary>The services of accounts and invitations.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services.AddScopedEach(
        typeof(AccountRoles), typeof(CreateAccount), typeof(ConfirmationMail), typeof(SignUp), typeof(ConfirmEmail),
        typeof(ResendConfirmation), typeof(SendInvitation), typeof(RevokeInvitation), typeof(AcceptInvitation));
}
