using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Preferences;

public static class PreferencesServices
{
    /// <summary>The services of both sides' preferences for the stream match.</summary>
    public static IServiceCollection AddPreferences(this IServiceCollection services) => services.AddScopedEach(typeof(SaveStreamPreferences), typeof(SaveMentorInput), typeof(SaveApplicantPreferences));
}
