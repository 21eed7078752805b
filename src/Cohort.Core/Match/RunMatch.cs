using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Matching.Stable;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Runs the season's match on the rankings as they stand (stable, or optimal on the streams' scores), checks it with
/// the independent certificate, explains every applicant's outcome, and stores the run with its inputs. Nothing is
/// published: a run is a preview. Offers left unanswered past their deadline lapse first, freeing their seats.
/// </summary>
public sealed class RunMatch(CohortDbContext db, TimeProvider clock, AuditLog audit, MatchScores scores, LapseOverdueOffers lapse)
{
    public async Task<MatchRun?> RunAsync(Actor admin, MatchAlgorithm algorithm, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        await lapse.RunAsync(admin, season.Id, cancellation);
        var input = await MatchInputs.LoadAsync(db, season.Id, cancellation);
        if (algorithm == MatchAlgorithm.Scores)
        {
            input = await scores.AddToAsync(input, cancellation);
        }

        var result = Solve(input, algorithm);
        var run = new MatchRun
        {
            SeasonId = season.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = admin.Name, Algorithm = algorithm,
            InputJson = JsonSerializer.Serialize(input), ResultJson = JsonSerializer.Serialize(result),
            Matched = result.Placements.Count(p => p.StreamId is not null), Unmatched = result.Placements.Count(p => p.StreamId is null),
            Certified = result.Certificate.Holds,
        };
        db.MatchRuns.Add(run);
        audit.Record(admin, "match.run", $"season:{season.Id}", $"{algorithm.Describe()}: {run.Matched} matched, {run.Unmatched} unmatched, {(run.Certified ? "certified" : "NOT certified")}");
        await db.SaveChangesAsync(cancellation);
        return run;
    }

    /// <summary>The engine's answer for <paramref name="input"/>: a pure function, so a stored run's input gives its result again.</summary>
    public static MatchResult Solve(MatchInput input, MatchAlgorithm algorithm) => algorithm == MatchAlgorithm.Scores
        ? ScoreOptimalMatch.Solve(input)
        : SolveStable(input, algorithm == MatchAlgorithm.Streams ? Proposer.Hosts : Proposer.Candidates);

    private static MatchResult SolveStable(MatchInput input, Proposer proposer)
    {
        var solved = StableMatcher.Solve(MatchInstance.Of(input), proposer);
        var explanations = Explanations.Explain(solved.StrictInstance, solved.HostOf, input.Streams.Select(s => s.Name).ToList(), new("applicant", "applicants"));
        var certificate = solved.Certificate;
        return MatchInstance.Result(input, solved.HostOf, explanations,
            new MatchCertificate(certificate.OnlyAcceptablePairs, certificate.CapacitiesRespected, certificate.BlockingPairCount));
    }
}
