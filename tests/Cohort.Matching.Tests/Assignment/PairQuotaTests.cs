using Cohort.Matching.Assignment;
using Cohort.Matching.Tests.Generators;
using FsCheck.Xunit;

namespace Cohort.Matching.Tests.Assignment;

/// <summary>Quotas of marked pairs: met lexicographically before the score, checked against brute force.</summary>
public class PairQuotaTests
{
    /// <summary>
    /// Reviewer 0 takes two of three applications; it would rather read 0 and 1 (10 + 9), but its quota of one marked
    /// pair (application 2, score 1) comes first: 10 + 1.
    /// </summary>
    private static readonly AssignmentProblem OneMarked = new(
        [new(0, 1), new(0, 1), new(0, 1)], [new(2, 2)], [new(0, 0, 10), new(1, 0, 9), new(2, 0, 1)], quotas: new PairQuotas([1], [2]));

    [Property(Arbitrary = [typeof(TinyQuotaArbitraries)], MaxTest = 400)]
    public bool The_solver_meets_the_most_quota_units_and_then_the_best_score_as_brute_force_does(QuotaCase c)
    {
        var problem = c.ToProblem();
        var result = AssignmentSolver.Solve(problem);
        var best = BruteForce.MostUnitsThenBest(problem);
        if (!result.Feasible)
        {
            return best is null;
        }

        var report = AssignmentChecker.Check(problem, result.ChosenPairs, result.Certificate);
        return best == (problem.Quotas!.UnitsMet(problem, result.ChosenPairs), result.Objective) && report.IsValidAndOptimal;
    }

    [Property(Arbitrary = [typeof(TinyQuotaArbitraries)], MaxTest = 300)]
    public bool Assigning_what_can_be_assigned_keeps_the_most_pairs_first_then_quota_units_then_score(QuotaCase c)
    {
        var problem = c.ToProblem();
        var result = AssignmentSolver.SolveMaximal(problem);
        if (result.Feasible)
        {
            return true;
        }

        return BruteForce.MostPairsThenUnitsThenBest(problem) == (result.ChosenPairs.Count, problem.Quotas!.UnitsMet(problem, result.ChosenPairs), result.Objective);
    }

    [Fact]
    public void A_quota_is_met_at_a_cost_in_score()
    {
        var result = AssignmentSolver.Solve(OneMarked);

        Assert.Equal([0, 2], result.ChosenPairs.Order());
        Assert.Equal(11m, result.Objective);
        Assert.True(AssignmentChecker.Check(OneMarked, result.ChosenPairs, result.Certificate).IsValidAndOptimal);
    }

    [Fact]
    public void The_checker_refuses_the_plain_optimum_when_it_leaves_a_quota_unmet()
    {
        var certificate = AssignmentSolver.Solve(OneMarked).Certificate;

        var plain = AssignmentChecker.Check(OneMarked, [0, 1], certificate);

        Assert.True(plain.BoundsRespected);
        Assert.False(plain.OptimalityProven);
    }

    [Fact]
    public void Quotas_must_name_every_right_person_and_only_pairs_of_the_problem()
    {
        Assert.Throws<ArgumentException>(() => new AssignmentProblem([new(0, 1)], [new(0, 1)], [new(0, 0, 1)], quotas: new PairQuotas([1, 1], [0])));
        Assert.Throws<ArgumentException>(() => new AssignmentProblem([new(0, 1)], [new(0, 1)], [new(0, 0, 1)], quotas: new PairQuotas([1], [3])));
        Assert.Throws<ArgumentException>(() => new PairQuotas([-1], []));
    }
}
