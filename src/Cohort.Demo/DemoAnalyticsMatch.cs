using Cohort.Core.Audit;
using Cohort.Core.Match;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>
/// Two runs of this season's match that the admin tried the afternoon before D, once the rankings were in, neither
/// published: the stable one, then the one optimal on the streams' scores. They give the match analytics a run to
/// describe, the blocking pairs following the scores costs, and who moved between two runs; a mentor sees their
/// stream's part on their stream page. Any run the admin makes on the demo is later, so it is the one they publish.
/// </summary>
public sealed class DemoAnalyticsMatch(IServiceProvider services)
{
    public async Task SeedAsync(DemoCalendar calendar, CancellationToken cancellation = default)
    {
        foreach (var (algorithm, at) in new[] { (MatchAlgorithm.CandidatesPropose, calendar.At(-1, 15)), (MatchAlgorithm.Scores, calendar.At(-1, 16)) })
        {
            var match = ActivatorUtilities.CreateInstance<RunStreamMatch>(services, new DemoPastSeason.FixedClock(at));
            _ = await match.RunAsync(Actor.System, algorithm, cancellation)
                ?? throw new InvalidOperationException("The demo season is not current, so its match cannot be tried.");
        }
    }
}
