using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Matching.Stable;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Runs the season's stable match on the rankings as they stand, checks it with the independent certificate, explains
/// every applicant's outcome, and stores the run with its inputs. Nothing is published: a run is a preview.
/// </summary>
public sealed class RunMatch(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<MatchRun?> RunAsync(Actor admin, MatchProposer proposer, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        var input = await MatchInputs.LoadAsync(db, season.Id, cancellation);
        var result = Solve(input, proposer);
        var run = new MatchRun
        {
            SeasonId = season.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = admin.Name, Proposer = proposer,
            InputJson = JsonSerializer.Serialize(input), ResultJson = JsonSerializer.Serialize(result),
            Matched = result.Placements.Count(p => p.StreamId is not null), Unmatched = result.Placements.Count(p => p.StreamId is null),
            Stable = result.Certificate.IsStable,
        };
        db.MatchRuns.Add(run);
        audit.Record(admin, "match.run", $"season:{season.Id}", $"{proposer} proposing: {run.Matched} matched, {run.Unmatched} unmatched, {(run.Stable ? "stable" : "NOT stable")}");
        await db.SaveChangesAsync(cancellation);
        return run;
    }

    /// <summary>The engine's answer for <paramref name="input"/>: a pure function, so a stored run's input gives its result again.</summary>
    public static MatchResult Solve(MatchInput input, MatchProposer proposer)
    {
        var streamIndex = input.Streams.Select((s, i) => (s.StreamId, i)).ToDictionary(x => x.StreamId, x => x.i);
        var applicantIndex = input.Applicants.Select((a, i) => (a.ApplicantId, i)).ToDictionary(x => x.ApplicantId, x => x.i);
        var instance = new StableMatchingInstance(
            Preferences.Strict(input.Applicants.Select(a => a.Ranking.Where(streamIndex.ContainsKey).Select(s => streamIndex[s]).ToArray()).ToList()),
            Preferences.Strict(input.Streams.Select(s => s.Ranking.Where(applicantIndex.ContainsKey).Select(a => applicantIndex[a]).ToArray()).ToList()),
            input.Streams.Select(s => s.Capacity).ToArray());
        var solved = StableMatcher.Solve(instance, proposer == MatchProposer.Streams ? Proposer.Mentors : Proposer.Applicants);
        var explanations = Explanations.Explain(solved.StrictInstance, solved.MentorOf, input.Streams.Select(s => s.Name).ToList());
        var placements = input.Applicants.Select((a, i) => solved.MentorOf[i] is var s and >= 0
                ? new Placement(a.ApplicantId, a.Name, input.Streams[s].StreamId, input.Streams[s].Name, explanations[i])
                : new Placement(a.ApplicantId, a.Name, null, null, explanations[i]))
            .ToList();
        var fills = input.Streams.Select((s, i) => new StreamFill(s.StreamId, s.Name, s.Capacity, solved.MentorOf.Count(m => m == i))).ToList();
        var certificate = solved.Certificate;
        return new MatchResult(placements, fills, new MatchCertificate(certificate.OnlyAcceptablePairs, certificate.CapacitiesRespected, certificate.BlockingPairCount));
    }
}
