using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Review;

public static class ReviewServices
{
    /// <summary>The services of review rounds, their reviewer assignments, the reviews and the scores they give.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<CompositeWeights>();
        services.AddScoped<FindScoreTable>();
        services.AddScoped<CreateReviewRound>();
        services.AddScoped<ChangeReviewRoundState>();
        services.AddScoped<AssignReviewers>();
        services.AddScoped<AssignReviewersByHand>();
        services.AddScoped<DeclineAssignment>();
        services.AddScoped<SubmitReview>();
        return services;
    }
}
