using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What assigning did: how many assignments the solver made, or why it made none.</summary>
public sealed record AssignOutcome(int Assigned, string? Refusal);

/// <summary>
/// Assigns reviewers to a draft round with <c>Cohort.Matching</c>'s optimal assignment: every subject gets exactly the
/// round's reviews per application, every reviewer a load within their range, no conflicted pair, and the greatest
/// total affinity. Assignments made by hand (or as replacements) stay and count against loads and coverage; the
/// solver's earlier assignments are replaced. When no assignment exists nothing is saved and the engine's diagnosis
/// says why, in plain English.
/// </summary>
public sealed class AssignReviewers(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<AssignOutcome> RunAsync(Actor admin, int roundId, CancellationToken cancellation = default)
    {
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null)
        {
            return new(0, "There is no such round.");
        }

        if (round.State != ReviewRoundState.Draft)
        {
            return new(0, "Reviewers are assigned while the round is a draft; this round is already open or closed.");
        }

        var earlier = round.Assignments.Where(a => a.Origin == AssignmentOrigin.Solver).ToList();
        foreach (var assignment in earlier)
        {
            round.Assignments.Remove(assignment);
            db.ReviewAssignments.Remove(assignment);
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, null, cancellation);
        if (facts.Subjects.Count == 0 || facts.Reviewers.Count == 0)
        {
            return Refused(facts.Subjects.Count == 0 ? "This round has no applications to review yet." : "The reviewer pool is empty: add reviewers first.");
        }

        var problem = Problem(facts);
        var result = AssignmentSolver.Solve(problem);
        if (result.Infeasibility is { } why)
        {
            return Refused("No assignment meets every requirement: " + why.Describe(Vocabulary.Reviewers,
                facts.Subjects.Select(s => s.Label).ToList(), facts.Reviewers.Select(r => r.Label).ToList()) + ".");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in result.ChosenPairs.Select(i => problem.Pairs[i]))
        {
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                RoundId = round.Id, SubjectId = facts.Subjects[pair.Left].Id, ReviewerId = facts.Reviewers[pair.Right].Profile.UserId,
                Origin = AssignmentOrigin.Solver, State = AssignmentState.Assigned, Affinity = (double)pair.Score, AssignedAt = now,
            });
        }

        audit.Record(admin, "review-round.assigned", $"review-round:{round.Id}",
            $"{result.ChosenPairs.Count} assignments by the solver (replacing {earlier.Count}), total affinity {result.Objective}");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? new(result.ChosenPairs.Count, null) : new(0, ReviewRoundFacts.SimultaneousChange);
    }

    // The earlier assignments were removed from the unit of work only; forget that so nothing of it is ever saved.
    private AssignOutcome Refused(string why)
    {
        db.ChangeTracker.Clear();
        return new(0, why);
    }

    /// <summary>
    /// Subjects need the reviews their kept assignments do not already give; reviewers take what their kept load
    /// leaves of their range. Conflicts and pairs already assigned (or declined) are forbidden.
    /// </summary>
    private static AssignmentProblem Problem(ReviewRoundFacts facts)
    {
        var k = facts.Round.ReviewsPerApplication;
        var coverage = facts.Active.GroupBy(a => a.SubjectId).ToDictionary(g => g.Key, g => g.Count());
        var loads = facts.Loads();
        var taken = facts.Round.Assignments.Select(a => (a.SubjectId, a.ReviewerId)).ToHashSet();
        var left = facts.Subjects.Select(s =>
        {
            var need = Math.Max(0, k - coverage.GetValueOrDefault(s.Id));
            return new Bounds(need, need);
        }).ToList();
        var right = facts.Reviewers.Select(r =>
        {
            var load = loads.GetValueOrDefault(r.Profile.UserId);
            return new Bounds(Math.Max(0, r.Profile.MinLoad - load), Math.Max(0, r.Profile.MaxLoad - load));
        }).ToList();
        var pairs = new List<ScoredPair>();
        var forbidden = new List<(int, int)>();
        for (int s = 0; s < facts.Subjects.Count; s++)
        {
            for (int r = 0; r < facts.Reviewers.Count; r++)
            {
                var (subject, reviewer) = (facts.Subjects[s], facts.Reviewers[r]);
                pairs.Add(new ScoredPair(s, r, ReviewRoundFacts.AffinityOf(reviewer, subject)));
                if (ReviewRoundFacts.Conflict(reviewer, subject) is not null || taken.Contains((subject.Id, reviewer.Profile.UserId)))
                {
                    forbidden.Add((s, r));
                }
            }
        }

        return new AssignmentProblem(left, right, pairs, forbidden);
    }
}
