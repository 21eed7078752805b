using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Assessments;

public static class AssessmentsServices
{
    /// <summary>The services of assessment attempts and their marking.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services.AddScopedEach(typeof(StartAttempt), typeof(SaveAttemptAnswers), typeof(SubmitAttempt), typeof(ScoreAnswer));
}
