using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;
using Cohort.Matching.Tests.Assignment;
using Cohort.Matching.Tests.Generators;
using FsCheck.Xunit;

namespace Cohort.Matching.Tests.Diagnosis;

public class InfeasibilityDiagnosisTests
{
    [Property(Arbitrary = [typeof(TinyReviewerArbitraries)], MaxTest = 300)]
    public bool A_diagnosis_is_given_exactly_when_brute_force_finds_no_assignment(AssignmentCase c)
    {
        var problem = c.ToProblem();
        return (InfeasibilityDiagnosis.Diagnose(problem) is null) == (BruteForce.BestObjective(problem) is not null);
    }

    [Property(Arbitrary = [typeof(MediumReviewerArbitraries)], MaxTest = 300)]
    public bool The_named_constraints_really_conflict(AssignmentCase c)
    {
        var problem = c.ToProblem();
        var reason = InfeasibilityDiagnosis.Diagnose(problem);
        if (reason is null)
        {
            return true;
        }

        // Recount the claim from the instance itself, then keep only the named constraints
        // (relax every other bound) and check the relaxed instance is still infeasible.
        var (required, available) = Recount(problem, reason);
        var relaxed = RelaxAllBut(c, reason);
        return required == reason.Required && available == reason.Available && required > available &&
            !AssignmentSolver.Solve(relaxed).Feasible;
    }

    [Fact]
    public void Too_few_eligible_reviewers_for_one_application_is_named()
    {
        var problem = new AssignmentProblem([new(2, 2)], [new(0, 5)], [new(0, 0, 1)]);
        var reason = InfeasibilityDiagnosis.Diagnose(problem)!;
        Assert.Equal("application p1 needs 2 reviews but only 1 reviewer can be paired with it",
            reason.Describe(Vocabulary.Reviewers, ["p1"], ["r1"]));
    }

    [Fact]
    public void Applications_that_only_some_reviewers_can_take_are_named_with_their_capacity()
    {
        var reason = InfeasibilityDiagnosis.Diagnose(TwoApplicationsSharingTwoReviewers(reviewerMax: 1))!;
        Assert.Equal("applications p7 and p9 need 6 reviews among reviewers r1 and r2, who can take at most 2",
            reason.Describe(Vocabulary.Reviewers, ["p7", "p9", "p1"], ["r1", "r2", "r3"]));
    }

    [Fact]
    public void Applications_with_too_few_eligible_pairs_are_named_with_their_reviewers()
    {
        var reason = InfeasibilityDiagnosis.Diagnose(TwoApplicationsSharingTwoReviewers(reviewerMax: 2))!;
        Assert.Equal("applications p7 and p9 need 6 reviews but only 4 eligible pairs exist for them (with reviewers r1 and r2)",
            reason.Describe(Vocabulary.Reviewers, ["p7", "p9", "p1"], ["r1", "r2", "r3"]));
    }

    [Fact]
    public void Applications_every_reviewer_conflicts_with_are_named_without_an_empty_list_of_reviewers()
    {
        var problem = new AssignmentProblem([new(3, 3), new(3, 3), new(1, 1)], [new(0, 5), new(0, 5)],
            [new(0, 0, 1), new(0, 1, 1), new(1, 0, 1), new(1, 1, 1), new(2, 0, 1)], forbidden: [(0, 0), (0, 1), (1, 0), (1, 1)]);
        var reason = InfeasibilityDiagnosis.Diagnose(problem)!;
        Assert.Equal("applications p1 and p2 need 6 reviews but no reviewer can be paired with any of them",
            reason.Describe(Vocabulary.Reviewers, ["p1", "p2", "p3"], ["r1", "r2"]));
        Assert.Equal("application p1 needs 3 reviews but no reviewer can be paired with it",
            InfeasibilityDiagnosis.Diagnose(new AssignmentProblem([new(3, 3)], [new(0, 5)], [new(0, 0, 1)], [(0, 0)]))!
                .Describe(Vocabulary.Reviewers, ["p1"], ["r1"]));
    }

    [Fact]
    public void Reviewer_minimum_loads_beyond_all_reviews_are_named()
    {
        var problem = new AssignmentProblem(
            [new(1, 1), new(1, 1)],
            [new(2, 3), new(2, 3)],
            [new(0, 0, 1), new(0, 1, 1), new(1, 0, 1), new(1, 1, 1)]);
        var reason = InfeasibilityDiagnosis.Diagnose(problem)!;
        Assert.Equal("reviewer minimum loads total 4 but only 2 reviews exist",
            reason.Describe(Vocabulary.Reviewers, ["p1", "p2"], ["r1", "r2"]));
    }

    /// <summary>p7 and p9 need 3 reviews each and can be reviewed only by r1 and r2; p1 has r3 to itself.</summary>
    private static AssignmentProblem TwoApplicationsSharingTwoReviewers(int reviewerMax) => new(
        [new(3, 3), new(3, 3), new(1, 1)],
        [new(0, reviewerMax), new(0, reviewerMax), new(0, 5)],
        [new(0, 0, 1), new(0, 1, 1), new(1, 0, 1), new(1, 1, 1), new(2, 2, 1)]);

    private static (long Required, long Available) Recount(AssignmentProblem problem, Infeasibility reason)
    {
        bool leftDemands = reason.Kind == InfeasibilityKind.LeftMinimumsExceedCapacity;
        var demandBounds = leftDemands ? problem.Left : problem.Right;
        var supplyBounds = leftDemands ? problem.Right : problem.Left;
        var supplying = reason.Supplying.ToHashSet();
        long pairsElsewhere = problem.Candidates.Select(i => problem.Pairs[i]).Count(p =>
            reason.Demanding.Contains(leftDemands ? p.Left : p.Right) && !supplying.Contains(leftDemands ? p.Right : p.Left));
        return (reason.Demanding.Sum(i => (long)demandBounds[i].Min), reason.Supplying.Sum(i => (long)supplyBounds[i].Max) + pairsElsewhere);
    }

    /// <summary>
    /// Keeps the demanding people's minimums and the supplying people's maximums; everyone else
    /// may take any number of partners and the supplying people need none.
    /// </summary>
    private static AssignmentProblem RelaxAllBut(AssignmentCase c, Infeasibility reason)
    {
        bool leftDemands = reason.Kind == InfeasibilityKind.LeftMinimumsExceedCapacity;
        const int unlimited = 1_000;
        Bounds Relax(Bounds b, int i, bool isLeft)
        {
            bool demanding = isLeft == leftDemands && reason.Demanding.Contains(i);
            bool supplying = isLeft != leftDemands && reason.Supplying.Contains(i);
            return demanding ? new Bounds(b.Min, unlimited) : supplying ? new Bounds(0, b.Max) : new Bounds(0, unlimited);
        }

        return new AssignmentProblem(
            c.Left.Select((b, i) => Relax(b, i, isLeft: true)).ToArray(),
            c.Right.Select((b, i) => Relax(b, i, isLeft: false)).ToArray(),
            c.Pairs,
            c.Forbidden);
    }
}
