using Cohort.Matching.Assignment;
using Cohort.Matching.Stable;
using FsCheck.Fluent;

namespace Cohort.Matching.Tests.Generators;

/// <summary>Guards against vacuous properties: the generators must produce the interesting cases.</summary>
public class GeneratorTests
{
    [Fact]
    public void Medium_reviewer_instances_are_sometimes_feasible_and_sometimes_not()
    {
        var feasible = AssignmentCases.Medium().Sample(200).Select(c => AssignmentSolver.Solve(c.ToProblem()).Feasible).ToList();
        Assert.Contains(true, feasible);
        Assert.Contains(false, feasible);
    }

    [Fact]
    public void Stable_instances_sometimes_leave_candidates_unmatched_and_sometimes_have_ties()
    {
        var cases = StableCases.Generate(ties: true).Sample(200);
        Assert.Contains(cases, c => c.HasTies);
        Assert.Contains(cases, c => StableMatcher.Solve(c.ToInstance()).HostOf.Contains(-1));
    }
}
