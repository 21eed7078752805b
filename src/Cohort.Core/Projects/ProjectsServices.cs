using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Projects;

public static class ProjectsServices
{
    /// <summary>The services of projects, their pitches, both sides' preferences and the project match.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services) => services.AddScopedEach(
        typeof(PitchProject), typeof(PitchOwnProject), typeof(EditProject), typeof(DecidePitch),
        typeof(SaveFellowProjectPreferences), typeof(SaveProjectPreferences), typeof(RunProjectMatch),
        typeof(PublishProjectMatch));
}
