using Cohort.Matching.Flow;
using Cohort.Matching.Tests.Generators;
using FsCheck.Xunit;

namespace Cohort.Matching.Tests.Flow;

public class NetworkSimplexTests
{
    [Property(Arbitrary = [typeof(FlowArbitraries)], MaxTest = 400)]
    public bool The_minimum_cost_equals_brute_force(FlowCase c)
    {
        var solver = Build(c);
        long? best = BruteForceMinimum(c);
        return solver.Solve() == FlowStatus.Optimal ? best == solver.TotalCost() : best is null;
    }

    [Property(Arbitrary = [typeof(FlowArbitraries)], MaxTest = 400)]
    public bool An_optimal_flow_respects_bounds_and_conservation_and_its_potentials_prove_it_optimal(FlowCase c)
    {
        var solver = Build(c);
        if (solver.Solve() != FlowStatus.Optimal)
        {
            return true;
        }

        var balance = new long[c.Nodes];
        for (int a = 0; a < c.Arcs.Length; a++)
        {
            var (tail, head, lower, upper, cost) = c.Arcs[a];
            long flow = solver.Flow(a);
            long reduced = cost + solver.Potential(tail) - solver.Potential(head);
            if (flow < lower || flow > upper || (reduced < 0 && flow < upper) || (reduced > 0 && flow > lower))
            {
                return false;
            }

            balance[tail] += flow;
            balance[head] -= flow;
        }

        return balance.Select((b, v) => b == c.Supplies[v]).All(x => x);
    }

    [Fact]
    public void Supplies_that_do_not_sum_to_zero_are_infeasible()
    {
        var solver = new NetworkSimplex(2);
        solver.AddArc(0, 1, 0, 5, 1);
        solver.SetSupply(0, 2);
        Assert.Equal(FlowStatus.Infeasible, solver.Solve());
    }

    [Fact]
    public void Dense_nodes_get_the_same_optimum_as_when_every_arc_is_priced()
    {
        // 25 arcs per node of varied cost exceed the core quota, so the core and the sweeps are
        // exercised. In the split copy every pair gets a middle node and the cost moves to its
        // single outgoing arc, while the left nodes' arcs all cost 0: there every arc is core.
        var random = new Random(5);
        const int left = 30, right = 25;
        var costs = new int[left, right];
        for (int l = 0; l < left; l++)
        {
            for (int r = 0; r < right; r++)
            {
                costs[l, r] = random.Next(-100, 100);
            }
        }

        var direct = new NetworkSimplex(left + right + 1);
        var split = new NetworkSimplex(left + right + 1 + (left * right));
        int middle = left + right + 1;
        for (int l = 0; l < left; l++)
        {
            direct.SetSupply(l, 3);
            split.SetSupply(l, 3);
            for (int r = 0; r < right; r++, middle++)
            {
                direct.AddArc(l, left + r, 0, 1, costs[l, r]);
                split.AddArc(l, middle, 0, 1, 0);
                split.AddArc(middle, left + r, 0, 1, costs[l, r]);
            }
        }

        for (int r = 0; r < right; r++)
        {
            direct.AddArc(left + r, left + right, 0, 4, 0);
            split.AddArc(left + r, left + right, 0, 4, 0);
        }

        direct.SetSupply(left + right, -3 * left);
        split.SetSupply(left + right, -3 * left);
        Assert.Equal(FlowStatus.Optimal, direct.Solve());
        Assert.Equal(FlowStatus.Optimal, split.Solve());
        Assert.Equal(split.TotalCost(), direct.TotalCost());
    }

    private static NetworkSimplex Build(FlowCase c)
    {
        var solver = new NetworkSimplex(c.Nodes);
        foreach (var (tail, head, lower, upper, cost) in c.Arcs)
        {
            solver.AddArc(tail, head, lower, upper, cost);
        }

        for (int v = 0; v < c.Nodes; v++)
        {
            solver.SetSupply(v, c.Supplies[v]);
        }

        return solver;
    }

    /// <summary>Tries every integer flow within the bounds; null when none conserves flow.</summary>
    private static long? BruteForceMinimum(FlowCase c)
    {
        long? best = null;
        var flow = new int[c.Arcs.Length];
        void Try(int arc)
        {
            if (arc == flow.Length)
            {
                var balance = new long[c.Nodes];
                long cost = 0;
                for (int a = 0; a < flow.Length; a++)
                {
                    balance[c.Arcs[a].Tail] += flow[a];
                    balance[c.Arcs[a].Head] -= flow[a];
                    cost += (long)flow[a] * c.Arcs[a].Cost;
                }

                if (balance.Select((b, v) => b == c.Supplies[v]).All(x => x) && (best is null || cost < best))
                {
                    best = cost;
                }

                return;
            }

            for (flow[arc] = c.Arcs[arc].Lower; flow[arc] <= c.Arcs[arc].Upper; flow[arc]++)
            {
                Try(arc + 1);
            }
        }

        Try(0);
        return best;
    }
}
