using Cohort.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Match;

public static class MatchServices
{
    /// <summary>The services of the stream match, its offers and their answers, and the job that lapses offers at their deadline.</summary>
    public static IServiceCollection AddMatch(this IServiceCollection services) => services
        .AddJob<LapseOffersAtDeadline>(LapseOffersAtDeadline.Name, "Lapse offers left unanswered past their deadline", TimeSpan.FromMinutes(1))
        .AddScopedEach(typeof(RunStreamMatch), typeof(MatchScores), typeof(LapseOverdueOffers), typeof(PublishStreamMatch), typeof(RespondToOffer));
}
