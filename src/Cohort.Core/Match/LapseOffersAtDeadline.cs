using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// The job that lapses offers at their deadline, in every season that has overdue ones, so a seat goes back to the
/// next offer round without waiting for an admin to run the match.
/// </summary>
public sealed class LapseOffersAtDeadline(CohortDbContext db, LapseOverdueOffers lapse, TimeProvider clock) : IJob
{
    public const string Name = "offers-lapse";

    /// <summary>Who the audit log says lapsed an offer when this job did.</summary>
    public static Actor Actor { get; } = new(null, "scheduled job offers-lapse");

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seasons = await db.Offers.Where(o => o.State == OfferState.Pending && o.RespondBy < now)
            .Select(o => o.SeasonId).Distinct().ToListAsync(cancellation);
        var lapsed = 0;
        foreach (var season in seasons)
        {
            lapsed += await lapse.RunAsync(Actor, season, cancellation);
        }

        return new(lapsed, lapsed == 1 ? "1 offer lapsed" : $"{lapsed} offers lapsed");
    }
}
