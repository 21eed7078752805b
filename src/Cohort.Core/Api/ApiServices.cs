using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Api;

public static class ApiServices
{
    /// <summary>The services of API tokens.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services) => services.AddScopedEach(
        typeof(CreateApiToken), typeof(RevokeApiToken), typeof(ApiTokenList), typeof(AuthenticateApiToken));
}
