using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Review;

public static class ReviewServices
{
    /// <summary>The services of review rounds, their reviewer assignments, the reviews and the scores they give.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) => services.AddScopedEach(
        typeof(CompositeWeights), typeof(FindScoreTable), typeof(Rankings), typeof(CreateReviewRound), typeof(ChangeReviewRoundState),
        typeof(AssignReviewers), typeof(AssignReviewersByHand), typeof(DesignReviewRound), typeof(DeclineAssignment), typeof(SubmitReview),
        typeof(DeclareConflicts), typeof(PlaceBids), typeof(WriteExpertiseStatement));
}
