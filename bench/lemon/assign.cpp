// LEMON's cold solve of the dense reviewer instance, for the ratio in docs/performance.md.
//
// Reads the min-cost flow graph that `Cohort.Benchmarks reviewers-graph PATH` writes (the same
// graph `compare` hands to our network simplex and to OR-Tools):
//   NODES ARCS
//   NODES lines: supply
//   ARCS lines:  tail head capacity cost
// builds it into a SmartDigraph, then times NetworkSimplex::run() alone, once, in a fresh process.
// Prints one line: build and solve times in ms, and the objective (minus the minimum cost, which is
// the total affinity of the assignment, as `cohort reviewers assign` reports it).
//
// Build: g++ -O3 -DNDEBUG -o assign assign.cpp   (Debian: apt-get install liblemon-dev)
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::fprintf(stderr, "usage: %s GRAPH.txt\n", argv[0]);
        return 2;
    }

    std::FILE* in = std::fopen(argv[1], "r");
    if (!in)
    {
        std::perror(argv[1]);
        return 2;
    }

    long long nodeCount = 0, arcCount = 0;
    if (std::fscanf(in, "%lld %lld", &nodeCount, &arcCount) != 2)
    {
        std::fprintf(stderr, "%s: no header\n", argv[1]);
        return 2;
    }

    using Graph = lemon::SmartDigraph;
    auto clock = std::chrono::steady_clock::now();
    Graph graph;
    graph.reserveNode(nodeCount);
    graph.reserveArc(arcCount);
    std::vector<Graph::Node> nodes(nodeCount);
    for (auto& node : nodes)
    {
        node = graph.addNode();
    }

    Graph::NodeMap<long long> supply(graph);
    for (long long v = 0; v < nodeCount; v++)
    {
        long long s;
        if (std::fscanf(in, "%lld", &s) != 1)
        {
            std::fprintf(stderr, "%s: supply %lld missing\n", argv[1], v);
            return 2;
        }
        supply[nodes[v]] = s;
    }

    Graph::ArcMap<long long> capacity(graph), cost(graph);
    for (long long a = 0; a < arcCount; a++)
    {
        long long tail, head, cap, c;
        if (std::fscanf(in, "%lld %lld %lld %lld", &tail, &head, &cap, &c) != 4)
        {
            std::fprintf(stderr, "%s: arc %lld missing\n", argv[1], a);
            return 2;
        }
        auto arc = graph.addArc(nodes[tail], nodes[head]);
        capacity[arc] = cap;
        cost[arc] = c;
    }
    std::fclose(in);
    auto read = std::chrono::steady_clock::now();

    // The solver's own set-up (its arrays built from the graph) is part of the solve, as in ours.
    auto start = std::chrono::steady_clock::now();
    lemon::NetworkSimplex<Graph, long long, long long> simplex(graph);
    simplex.upperMap(capacity).costMap(cost).supplyMap(supply);
    auto status = simplex.run();
    auto end = std::chrono::steady_clock::now();
    if (status != lemon::NetworkSimplex<Graph, long long, long long>::OPTIMAL)
    {
        std::fprintf(stderr, "LEMON: not optimal (status %d)\n", static_cast<int>(status));
        return 1;
    }

    auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
    std::printf("nodes %lld arcs %lld read+build %.1f ms solve %.1f ms objective %lld\n",
        nodeCount, arcCount, ms(clock, read), ms(start, end), -simplex.totalCost());
    return 0;
}
