using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// Runs a stream's project match: assigns its fellows to its approved projects (<see cref="MatchSolver"/>, fellows
/// proposing, so each gets the best project they can have in any stable assignment), and stores the run with its
/// input and result. A mentor of the stream or an admin runs it; a run is a preview until published. After a
/// publication, a run assigns the fellows it did not settle to the places still free.
/// </summary>
public sealed class RunProjectMatch(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor actor, int streamId, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(RunProjectMatch));
        if (!await ProjectScope.MayAssignAsync(db, actor, streamId, cancellation))
        {
            return "Only a mentor of this stream or an admin can run its project assignment.";
        }

        var input = await ProjectMatchInputs.LoadAsync(db, streamId, cancellation);
        var refusal = (input.Candidates.Count, input.Hosts.Count) switch
        {
            (0, _) when await Fellows.Of(db, streamId).AnyAsync(cancellation) => "Every fellow of the stream has a published project already, so there is no one left to assign.",
            (0, _) => "The stream has no fellows yet (applicants who accepted its offer), so there is no one to assign.",
            (_, 0) => "The stream has no approved project yet, so there is nothing to assign fellows to.",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var seasonId = await db.Streams.Where(s => s.Id == streamId).Select(s => s.Track!.SeasonId).SingleAsync(cancellation);
        var result = MatchSolver.Solve(input, MatchAlgorithm.CandidatesPropose, MatchKind.Projects);
        var run = MatchRun.Of(MatchKind.Projects, seasonId, streamId, MatchAlgorithm.CandidatesPropose, input, result, clock.GetUtcNow().UtcDateTime, actor.Name);
        db.MatchRuns.Add(run);
        audit.Record(actor, "project-assignment.run", $"stream:{streamId}",
            $"{run.Matched} assigned, {run.Unmatched} unassigned, {(run.Certified ? "stable" : "NOT stable")}");
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
