using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Match;

public static class MatchServices
{
    /// <summary>The services of the stream match, its offers and their answers.</summary>
    public static IServiceCollection AddMatch(this IServiceCollection services) => services.AddScopedEach(
        typeof(RunStreamMatch), typeof(MatchScores), typeof(LapseOverdueOffers), typeof(PublishStreamMatch),
        typeof(RespondToOffer));
}
