using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Runs the season's stream match on the rankings as they stand (stable, or optimal on the streams' scores), checks it
/// with the independent certificate, explains every applicant's outcome, and stores the run with its inputs. Nothing is
/// published: a run is a preview. Offers left unanswered past their deadline lapse first, freeing their seats.
/// </summary>
public sealed class RunStreamMatch(CohortDbContext db, TimeProvider clock, AuditLog audit, MatchScores scores, LapseOverdueOffers lapse)
{
    public async Task<MatchRun?> RunAsync(Actor admin, MatchAlgorithm algorithm, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(RunStreamMatch));
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        await lapse.RunAsync(admin, season.Id, cancellation);
        var input = await StreamMatchInputs.LoadAsync(db, season.Id, cancellation);
        if (algorithm == MatchAlgorithm.Scores)
        {
            input = await scores.AddToAsync(input, cancellation);
        }

        var result = MatchSolver.Solve(input, algorithm, MatchKind.Streams);
        var run = MatchRun.Of(MatchKind.Streams, season.Id, null, algorithm, input, result, clock.GetUtcNow().UtcDateTime, admin.Name);
        db.MatchRuns.Add(run);
        audit.Record(admin, "match.run", $"season:{season.Id}", $"{algorithm.Describe(MatchKind.Streams)}: {run.Matched} matched, {run.Unmatched} unmatched, {(run.Certified ? "certified" : "NOT certified")}");
        await db.SaveChangesAsync(cancellation);
        return run;
    }
}
