using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Projects;

public static class ProjectsServices
{
    /// <summary>The services of projects, their pitches, both sides' preferences and the project match.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<PitchProject>();
        services.AddScoped<PitchOwnProject>();
        services.AddScoped<EditProject>();
        services.AddScoped<DecidePitch>();
        services.AddScoped<SaveFellowProjectPreferences>();
        services.AddScoped<SaveProjectPreferences>();
        services.AddScoped<RunProjectAssignment>();
        services.AddScoped<PublishProjectAssignment>();
        return services;
    }
}
