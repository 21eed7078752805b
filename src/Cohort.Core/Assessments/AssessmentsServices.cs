using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Assessments;

public static class AssessmentsServices
{
    /// <summary>The services of assessment attempts and their marking.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<StartAttempt>();
        services.AddScoped<SaveAttemptAnswers>();
        services.AddScoped<SubmitAttempt>();
        services.AddScoped<ScoreAnswer>();
        return services;
    }
}
