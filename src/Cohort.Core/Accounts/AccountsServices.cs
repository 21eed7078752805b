using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Accounts;

public static class AccountsServices
{
    /// <summary>The services of accounts and invitations.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountRoles>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<ConfirmationMail>();
        services.AddScoped<SignUp>();
        services.AddScoped<ConfirmEmail>();
        services.AddScoped<ResendConfirmation>();
        services.AddScoped<SendInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<AcceptInvitation>();
        return services;
    }
}
