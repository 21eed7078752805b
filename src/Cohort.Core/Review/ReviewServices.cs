using Cohort.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Review;

public static class ReviewServices
{
    /// <summary>The services of review rounds, their reviewer assignments, the reviews and the scores they give.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) => services.AddScopedEach(
        typeof(CompositeWeights), typeof(FindScoreTable), typeof(Rankings), typeof(CreateReviewRound), typeof(ChangeReviewRoundState),
        typeof(AssignReviewers), typeof(AssignReviewersByHand), typeof(DesignReviewRound), typeof(DeclineAssignment), typeof(SubmitReview),
        typeof(DeclareConflicts), typeof(PlaceBids), typeof(WriteExpertiseStatement), typeof(MeasureAffinities));

    /// <summary>The blended affinity's weights (<see cref="AffinityBlendOptions"/>), checked when the host starts.</summary>
    public static IServiceCollection AddAffinityBlend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AffinityBlendOptions>(configuration.GetSection(AffinityBlendOptions.Section)).Check(AffinityBlendOptions.Problems);
        return services;
    }
}
