using Cohort.Matching.Selection;

namespace Cohort.Matching.Tests.Selection;

public class BudgetedSelectionTests
{
    private static SelectionProblem Problem(int seats, int budget, params (double Value, int Cost)[] items) =>
        new(items.Select(i => new SelectionItem(i.Value, i.Cost)).ToList(), seats, budget);

    /// <summary>
    /// Three seats, 100 to spend. The three best (5, 4.5, 4) cost 120 together; by hand, the best that fits is
    /// 5 + 4.5 + 2 = 11.5 (cost 40 + 40 + 10 = 90), beating 5 + 4 + 2 = 11 and 5 + 4.5 + 1 = 10.5.
    /// </summary>
    [Fact]
    public void The_best_choice_within_seats_and_budget_is_found_by_hand()
    {
        var result = BudgetedSelection.Solve(Problem(3, 100, (5, 40), (4.5, 40), (4, 40), (2, 10), (1, 5)));

        Assert.Equal([0, 1, 3], result.Chosen);
        Assert.Equal(11.5, result.Total, 9);
        Assert.Equal(90, result.Cost);
    }

    /// <summary>One seat: the single best that fits, even when a cheaper one is almost as good.</summary>
    [Fact]
    public void One_seat_takes_the_best_affordable_candidate()
    {
        var result = BudgetedSelection.Solve(Problem(1, 50, (5, 60), (4, 50), (3.9, 10)));

        Assert.Equal([1], result.Chosen);
        Assert.Null(result.BestWith[0]);
    }

    /// <summary>The budget binds before the seats: two cheap fellows beat one costly better one.</summary>
    [Fact]
    public void The_budget_binds_before_the_seats()
    {
        var result = BudgetedSelection.Solve(Problem(5, 30, (5, 30), (3, 15), (3, 15)));

        Assert.Equal([1, 2], result.Chosen);
        Assert.Equal(6, result.Total, 9);
        Assert.Equal(5, result.BestWith[0]!.Value, 9);
    }

    /// <summary>No seats or nothing affordable: nothing is chosen, and nothing of value 0 ever is.</summary>
    [Fact]
    public void Nothing_is_chosen_without_seats_budget_or_value()
    {
        Assert.Empty(BudgetedSelection.Solve(Problem(0, 100, (5, 10))).Chosen);
        Assert.Empty(BudgetedSelection.Solve(Problem(2, 5, (5, 10), (4, 6))).Chosen);
        Assert.Equal([1], BudgetedSelection.Solve(Problem(2, 100, (0, 0), (3, 10))).Chosen);
    }

    [Fact]
    public void Amounts_in_large_units_are_solved_through_their_common_divisor()
    {
        var result = BudgetedSelection.Solve(Problem(2, 150_000, (4.5, 60_000), (4, 90_000), (3.5, 50_000), (3, 40_000)));

        Assert.Equal([0, 1], result.Chosen);
        Assert.Equal(150_000, result.Cost);
    }

    [Fact]
    public void A_problem_with_negative_costs_or_values_is_refused_in_words()
    {
        var problem = Problem(1, 10, (-1, 5));
        Assert.NotNull(problem.Error());
        Assert.Throws<ArgumentException>(() => BudgetedSelection.Solve(problem));
    }

    /// <summary>Against every subset, on 600 random small rounds: the same best total, within seats and budget, and an explanation that never exceeds it.</summary>
    [Fact]
    public void The_optimum_matches_brute_force_on_random_small_instances()
    {
        var random = new Random(17);
        for (var run = 0; run < 600; run++)
        {
            var n = random.Next(0, 11);
            var items = Enumerable.Range(0, n).Select(_ => (Value: random.Next(0, 9) / 2.0, Cost: random.Next(0, 8) * 5)).ToArray();
            var problem = Problem(random.Next(0, 5), random.Next(0, 9) * 5, items);

            var result = BudgetedSelection.Solve(problem);

            Assert.True(result.Chosen.Count <= problem.Seats, $"run {run}: over the seats");
            Assert.True(result.Chosen.Sum(i => problem.Items[i].Cost) <= problem.Budget, $"run {run}: over the budget");
            Assert.Equal(result.Cost, result.Chosen.Sum(i => (long)problem.Items[i].Cost));
            Assert.Equal(BruteForceBest(problem), result.Total, 9);
            Assert.All(result.BestWith.Values.OfType<double>(), with => Assert.True(with <= result.Total + 1e-9, $"run {run}: a choice with a left-out candidate beats the optimum"));
            Assert.All(result.BestWithout.Values, without => Assert.True(without <= result.Total + 1e-9));
        }
    }

    private static double BruteForceBest(SelectionProblem problem)
    {
        var best = 0.0;
        for (var mask = 0; mask < 1 << problem.Items.Count; mask++)
        {
            var chosen = Enumerable.Range(0, problem.Items.Count).Where(i => (mask >> i & 1) == 1).ToList();
            if (chosen.Count <= problem.Seats && chosen.Sum(i => problem.Items[i].Cost) <= problem.Budget)
            {
                best = Math.Max(best, chosen.Sum(i => problem.Items[i].Value));
            }
        }

        return best;
    }
}
