using Cohort.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Api;

public static class ApiServices
{
    /// <summary>The services of API tokens and of the writes' Idempotency-Keys, with the daily job that expires the keys.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services) => services
        .AddScopedEach(typeof(CreateApiToken), typeof(RevokeApiToken), typeof(ApiTokenList), typeof(AuthenticateApiToken), typeof(IdempotencyKeys))
        .AddJob<ExpireIdempotencyKeys>(ExpireIdempotencyKeys.Name, "Forget API Idempotency-Keys older than 24 hours", TimeSpan.FromDays(1));
}
