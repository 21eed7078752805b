using System.Text.Json;
using Cohort.Matching.Assignment;

namespace Cohort.Benchmarks.Instances;

/// <summary>A reviewer-assignment instance with integer affinities, generated from a fixed seed.</summary>
public sealed record ReviewerInstance(string Name, int Applications, int Reviewers, int Reviews, int MaxLoad, int[] PairApplication, int[] PairReviewer, int[] Score)
{
    /// <summary>5,000 applications × 300 reviewers, every pair scored 0..1000 except 1% conflicts; 3 reviews, max load 63.</summary>
    public static ReviewerInstance Dense(int seed = 2026)
    {
        var random = new Random(seed);
        const int applications = 5_000, reviewers = 300;
        var app = new List<int>();
        var rev = new List<int>();
        var score = new List<int>();
        for (int p = 0; p < applications; p++)
        {
            for (int r = 0; r < reviewers; r++)
            {
                bool conflict = random.NextDouble() < 0.01;
                int affinity = random.Next(0, 1001);
                if (!conflict)
                {
                    app.Add(p);
                    rev.Add(r);
                    score.Add(affinity);
                }
            }
        }

        return new ReviewerInstance("dense 5,000 x 300", applications, reviewers, 3, 63, [.. app], [.. rev], [.. score]);
    }

    /// <summary>A large-conference shape: 15,000 papers × 12,000 reviewers, 240 candidate reviewers per paper, 4 reviews, max load 6.</summary>
    public static ReviewerInstance Sparse(int seed = 2027)
    {
        var random = new Random(seed);
        const int applications = 15_000, reviewers = 12_000, candidates = 240;
        var app = new int[applications * candidates];
        var rev = new int[applications * candidates];
        var score = new int[applications * candidates];
        var chosen = new HashSet<int>();
        for (int p = 0, i = 0; p < applications; p++)
        {
            chosen.Clear();
            while (chosen.Count < candidates)
            {
                chosen.Add(random.Next(reviewers));
            }

            foreach (int r in chosen.Order())
            {
                app[i] = p;
                rev[i] = r;
                score[i] = random.Next(0, 1001);
                i++;
            }
        }

        return new ReviewerInstance("sparse 15,000 x 12,000", applications, reviewers, 4, 6, app, rev, score);
    }

    /// <summary>The same instance as the library's assignment problem (applications need exactly k reviews).</summary>
    public AssignmentProblem ToProblem()
    {
        var left = Enumerable.Repeat(new Bounds(Reviews, Reviews), Applications).ToList();
        var right = Enumerable.Repeat(new Bounds(0, MaxLoad), Reviewers).ToList();
        var pairs = new ScoredPair[Score.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new ScoredPair(PairApplication[i], PairReviewer[i], Score[i]);
        }

        return new AssignmentProblem(left, right, pairs);
    }

    /// <summary>Writes the instance in the `cohort reviewers assign` format (conflicting pairs have no affinity).</summary>
    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteStartArray("applications");
        for (int p = 0; p < Applications; p++)
        {
            w.WriteStartObject();
            w.WriteString("id", $"p{p}");
            w.WriteNumber("reviews", Reviews);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reviewers");
        for (int r = 0; r < Reviewers; r++)
        {
            w.WriteStartObject();
            w.WriteString("id", $"r{r}");
            w.WriteNumber("max", MaxLoad);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("affinities");
        for (int i = 0; i < Score.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("application", $"p{PairApplication[i]}");
            w.WriteString("reviewer", $"r{PairReviewer[i]}");
            w.WriteNumber("score", Score[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The min-cost flow graph both solvers get: application p (supply k) → reviewer r (capacity 1,
    /// cost −affinity) → sink (capacity max load, supply −k·P).
    /// </summary>
    public FlowGraph ToFlowGraph()
    {
        int sink = Applications + Reviewers;
        int arcs = Score.Length + Reviewers;
        var graph = new FlowGraph(sink + 1, new int[arcs], new int[arcs], new long[arcs], new long[arcs], new long[sink + 1]);
        for (int i = 0; i < Score.Length; i++)
        {
            graph.Tails[i] = PairApplication[i];
            graph.Heads[i] = Applications + PairReviewer[i];
            graph.Capacities[i] = 1;
            graph.Costs[i] = -Score[i];
        }

        for (int r = 0; r < Reviewers; r++)
        {
            int arc = Score.Length + r;
            graph.Tails[arc] = Applications + r;
            graph.Heads[arc] = sink;
            graph.Capacities[arc] = MaxLoad;
        }

        for (int p = 0; p < Applications; p++)
        {
            graph.Supplies[p] = Reviews;
        }

        graph.Supplies[sink] = -(long)Reviews * Applications;
        return graph;
    }
}

/// <summary>A min-cost flow problem in plain arrays, handed identically to every solver.</summary>
public sealed record FlowGraph(int NodeCount, int[] Tails, int[] Heads, long[] Capacities, long[] Costs, long[] Supplies)
{
    /// <summary>Number of arcs.</summary>
    public int ArcCount => Tails.Length;

    /// <summary>
    /// Writes the graph as text for bench/lemon/assign.cpp: "NODES ARCS", one supply a line, then
    /// "tail head capacity cost" a line.
    /// </summary>
    public void WriteText(string path)
    {
        using var text = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        text.Write($"{NodeCount} {ArcCount}\n");
        foreach (long supply in Supplies)
        {
            text.Write($"{supply}\n");
        }

        for (int a = 0; a < ArcCount; a++)
        {
            text.Write($"{Tails[a]} {Heads[a]} {Capacities[a]} {Costs[a]}\n");
        }
    }
}
