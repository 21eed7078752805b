using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;
using Cohort.Matching.Text;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// What assigning did: how many assignments the solver made, or why it made none. <see cref="Diagnosis"/> names the
/// applications short of reviews and why: on a refusal, the ones that cannot all be covered; after assigning what can
/// be assigned, the ones left short.
/// </summary>
public sealed record AssignOutcome(int Assigned, string? Refusal, AssignmentDiagnosis? Diagnosis = null);

/// <summary>
/// Assigns reviewers to a draft round with <c>Cohort.Matching</c>'s optimal assignment: every subject gets exactly the
/// round's reviews per application, every reviewer a load within their range, no conflicted pair, and the greatest
/// total affinity. Assignments made by hand (or as replacements) stay and count against loads and coverage; the
/// solver's earlier assignments are replaced. When no assignment exists nothing is saved, and the engine's diagnosis
/// names the applications that cannot be covered, each reviewer's reason, and the loads that run out.
/// <para>
/// <see cref="AssignWhatCanBeAssignedAsync"/> is the admin's explicit fallback: it keeps every assignment (the solver's
/// too, so running it again only fills gaps) and adds the most reviews that can still be given within conflicts and
/// maximum loads, of the greatest affinity among those; minimum loads are set aside. It names the applications left short.
/// </para>
/// </summary>
public sealed class AssignReviewers(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Assigns every review or nothing.</summary>
    public Task<AssignOutcome> RunAsync(Actor admin, int roundId, CancellationToken cancellation = default) =>
        RunAsync(admin, roundId, partly: false, cancellation);

    /// <summary>Assigns what can be assigned, keeping every assignment already made, and lists the applications left short.</summary>
    public Task<AssignOutcome> AssignWhatCanBeAssignedAsync(Actor admin, int roundId, CancellationToken cancellation = default) =>
        RunAsync(admin, roundId, partly: true, cancellation);

    private async Task<AssignOutcome> RunAsync(Actor admin, int roundId, bool partly, CancellationToken cancellation)
    {
        using var span = CohortTraces.Start(nameof(AssignReviewers));
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null)
        {
            return new(0, "There is no such round.");
        }

        if (round.State != ReviewRoundState.Draft)
        {
            return new(0, "Reviewers are assigned while the round is a draft; this round is already open or closed.");
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, null, cancellation);
        if (facts.Subjects.Count == 0 || facts.Reviewers.Count == 0)
        {
            return new(0, facts.Subjects.Count == 0 ? "This round has no applications to review yet." : "The reviewer pool is empty: add reviewers first.");
        }

        var basis = new AssignmentBasis(facts, keepSolversAssignments: partly);
        var problem = basis.Problem();
        var result = partly ? AssignmentSolver.SolveMaximal(problem) : AssignmentSolver.Solve(problem);
        if (result.Infeasibility is { } why && !partly)
        {
            // What the admin's fallback would do: it keeps the solver's earlier assignments, which this solve replaces.
            var kept = new AssignmentBasis(facts, keepSolversAssignments: true);
            var fallback = AssignmentSolver.SolveMaximal(kept.Problem());
            return new(0, "No assignment meets every requirement: " + why.Describe(Vocabulary.Reviewers,
                    facts.Subjects.Select(s => s.Label).ToList(), facts.Reviewers.Select(r => r.Label).ToList()) + ".",
                basis.Witness(why, fallback.ChosenPairs.Count, kept.Missing));
        }

        int before = round.Assignments.Count;
        var earlier = partly ? [] : round.Assignments.Where(a => a.Origin == AssignmentOrigin.Solver).ToList();
        foreach (var assignment in earlier)
        {
            round.Assignments.Remove(assignment);
            db.ReviewAssignments.Remove(assignment);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in result.ChosenPairs.Select(i => problem.Pairs[i]))
        {
            var (subject, reviewer) = (facts.Subjects[pair.Left], facts.Reviewers[pair.Right]);
            basis.Add(subject, reviewer);
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                RoundId = round.Id, SubjectId = subject.Id, ReviewerId = reviewer.Profile.UserId,
                Origin = AssignmentOrigin.Solver, State = AssignmentState.Assigned, Affinity = (double)pair.Score, AssignedAt = now,
            });
        }

        var remaining = partly ? basis.Remaining(result.ChosenPairs.Count) : null;
        audit.Record(admin, "review-round.assigned", $"review-round:{round.Id}", remaining is not null
            ? $"{result.ChosenPairs.Count} assignments by the solver, assigning what could be assigned (keeping the {before} made before), " +
              $"total affinity {result.Objective}; {English.Count(remaining.Short.Count, "application", "applications")} left short{ShortList(remaining)}"
            : $"{result.ChosenPairs.Count} assignments by the solver (replacing {earlier.Count}), total affinity {result.Objective}");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation)
            ? new(result.ChosenPairs.Count, null, remaining)
            : new(0, ReviewRoundFacts.SimultaneousChange);
    }

    private static string ShortList(AssignmentDiagnosis remaining) =>
        remaining.Short.Count == 0 ? "" : ": " + English.ShortList(remaining.Short.Select(s => $"#{s.SubjectId}").ToList());
}
