using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Rankings;

public static class RankingsServices
{
    /// <summary>The services of both sides' preferences for the stream match.</summary>
    public static IServiceCollection AddRankings(this IServiceCollection services)
    {
        services.AddScoped<SaveStreamRanking>();
        services.AddScoped<SaveMentorInput>();
        services.AddScoped<SaveApplicantRanking>();
        return services;
    }
}
