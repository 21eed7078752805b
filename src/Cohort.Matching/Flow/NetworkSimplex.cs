using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cohort.Matching.Flow;

/// <summary>Outcome of a minimum-cost flow solve.</summary>
public enum FlowStatus
{
    /// <summary>A flow meeting every supply and bound was found, and its cost is minimal.</summary>
    Optimal,

    /// <summary>No flow meets every supply and bound.</summary>
    Infeasible,
}

/// <summary>
/// Minimum-cost flow by the primal network simplex method with block-search pivoting, after
/// LEMON's <c>NetworkSimplex</c>: a spanning tree kept as parent/thread/successor arrays, arcs in
/// flat arrays (no per-arc objects), exact 64-bit integer costs and flows.
/// </summary>
/// <remarks>
/// Supplies must sum to zero (every unit supplied is consumed). Arcs may carry a lower bound;
/// it is removed the standard way (the bound's flow is moved into the end nodes' supplies).
/// Every capacity must be finite, so a problem is never unbounded.
/// </remarks>
public sealed class NetworkSimplex
{
    private const sbyte StateUpper = -1;
    private const sbyte StateTree = 0;
    private const sbyte StateLower = 1;
    private const sbyte DirUp = 1;
    private const sbyte DirDown = -1;

    private readonly int _nodeCount;
    private readonly long[] _nodeSupply;
    private readonly List<ArcSpec> _arcs;

    private FlowTree? _tree;

    /// <summary>Creates a problem over nodes 0..<paramref name="nodeCount"/>-1 with no arcs.</summary>
    public NetworkSimplex(int nodeCount, int expectedArcs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        _nodeCount = nodeCount;
        _nodeSupply = new long[nodeCount];
        _arcs = new List<ArcSpec>(expectedArcs);
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>Number of arcs added so far.</summary>
    public int ArcCount => _arcs.Count;

    /// <summary>Number of simplex pivots made by the last <see cref="Solve"/>.</summary>
    public int Pivots { get; private set; }

    /// <summary>Adds an arc and returns its index (0, 1, 2, ... in order of addition).</summary>
    public int AddArc(int tail, int head, long lower, long upper, long cost)
    {
        if ((uint)tail >= (uint)_nodeCount || (uint)head >= (uint)_nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(tail), "Arc end is not a node.");
        }

        if (lower < 0 || upper < lower)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), "Arc bounds must satisfy 0 <= lower <= upper.");
        }

        _arcs.Add(new ArcSpec(tail, head, lower, upper, cost));
        return _arcs.Count - 1;
    }

    /// <summary>Sets how much flow the node supplies (positive) or consumes (negative).</summary>
    public void SetSupply(int node, long supply) => _nodeSupply[node] = supply;

    /// <summary>Flow on an arc (lower bound included) in the last optimal solution.</summary>
    public long Flow(int arc) => _tree!.Flow(arc) + _arcs[arc].Lower;

    /// <summary>
    /// Dual value of a node in the last optimal solution: every arc with positive reduced cost
    /// <c>cost + Potential(tail) - Potential(head)</c> is at its lower bound, every arc with a
    /// negative one at its upper bound. These potentials are the certificate of optimality.
    /// </summary>
    public long Potential(int node) => _tree!.Potential(node);

    /// <summary>Total cost of the last optimal solution.</summary>
    public long TotalCost()
    {
        long total = 0;
        for (int a = 0; a < _arcs.Count; a++)
        {
            total = checked(total + (Flow(a) * _arcs[a].Cost));
        }

        return total;
    }

    /// <summary>Solves the problem; on <see cref="FlowStatus.Optimal"/> flows and potentials are available.</summary>
    public FlowStatus Solve()
    {
        var supply = new long[_nodeCount];
        Array.Copy(_nodeSupply, supply, _nodeCount);
        long sum = 0;
        foreach (var arc in _arcs)
        {
            supply[arc.Tail] -= arc.Lower;
            supply[arc.Head] += arc.Lower;
        }

        foreach (long s in supply)
        {
            sum = checked(sum + s);
        }

        _tree = new FlowTree(_nodeCount, _arcs, supply);
        if (sum != 0)
        {
            return FlowStatus.Infeasible;
        }

        var status = _tree.Run();
        Pivots = _tree.Pivots;
        return status;
    }

    private readonly record struct ArcSpec(int Tail, int Head, long Lower, long Upper, long Cost) : IFlowArc;

    /// <summary>The simplex state: arcs in a mixed internal order, then one artificial arc per node.</summary>
    private sealed class FlowTree
    {
        private readonly int _nodeNum;
        private readonly int _arcNum;
        private readonly int _root;
        private readonly int[] _internalOf;
        private readonly int[] _externalOf;

        // Pricing looks only at arcs [0, _searchArcNum), the "core"; the rest are priced out in
        // full sweeps when the core is optimal (see PriceOutRest).
        private int _searchArcNum;
        private int _priceOutSweeps;

        private readonly int[] _source;
        private readonly int[] _target;
        private readonly long[] _cap;
        private readonly long[] _cost;
        private readonly long[] _flow;
        private readonly sbyte[] _state;

        private readonly long[] _supply;
        private readonly long[] _pi;
        private readonly int[] _parent;
        private readonly int[] _pred;
        private readonly int[] _thread;
        private readonly int[] _revThread;
        private readonly int[] _succNum;
        private readonly int[] _lastSucc;
        private readonly sbyte[] _predDir;
        private readonly List<int> _dirtyRevs = [];

        private int _inArc;
        private int _join;
        private int _uIn;
        private int _vIn;
        private int _uOut;
        private long _delta;

        public FlowTree(int nodeNum, List<ArcSpec> arcs, long[] supply)
        {
            _nodeNum = nodeNum;
            _arcNum = arcs.Count;
            _root = nodeNum;
            int all = _arcNum + nodeNum;
            _internalOf = new int[_arcNum];
            _externalOf = new int[_arcNum];
            _source = new int[all];
            _target = new int[all];
            _cap = new long[all];
            _cost = new long[all];
            _flow = new long[all];
            _state = new sbyte[all];
            _supply = new long[nodeNum + 1];
            Array.Copy(supply, _supply, nodeNum);
            _pi = new long[nodeNum + 1];
            _parent = new int[nodeNum + 1];
            _pred = new int[nodeNum + 1];
            _thread = new int[nodeNum + 1];
            _revThread = new int[nodeNum + 1];
            _succNum = new int[nodeNum + 1];
            _lastSucc = new int[nodeNum + 1];
            _predDir = new sbyte[nodeNum + 1];
            StoreArcs(arcs);
        }

        public int Pivots { get; private set; }

        public long Flow(int externalArc) => _flow[_internalOf[externalArc]];

        public long Potential(int node) => _pi[node];

        /// <summary>
        /// Stores the core arcs first, then the rest. On a dense graph only each node's cheapest
        /// outgoing arcs form the core: the simplex then prices a fraction of the arcs, and a full
        /// sweep with the final potentials adds any other arc that could still lower the cost, so
        /// the result is exactly optimal for the whole graph.
        /// </summary>
        private void StoreArcs(List<ArcSpec> arcs)
        {
            bool[] core = CoreArcs.Choose(arcs, _supply[.._nodeNum]);
            var coreArcs = new List<int>();
            var otherArcs = new List<int>();
            for (int a = 0; a < _arcNum; a++)
            {
                (core[a] ? coreArcs : otherArcs).Add(a);
            }

            _searchArcNum = coreArcs.Count;
            StoreMixed(arcs, coreArcs, 0);
            for (int i = 0; i < otherArcs.Count; i++)
            {
                Store(arcs, otherArcs[i], _searchArcNum + i);
            }
        }

        /// <summary>
        /// Interleaves the arcs (LEMON's "arc mixing"): consecutive arcs usually share a tail,
        /// so a block of the block search would otherwise look at one node's arcs only.
        /// </summary>
        private void StoreMixed(List<ArcSpec> arcs, List<int> externalArcs, int offset)
        {
            int count = externalArcs.Count;
            int skip = Math.Max(count / Math.Max(_nodeNum, 1), 3);
            int i = 0, j = 0;
            foreach (int a in externalArcs)
            {
                Store(arcs, a, offset + i);
                if ((i += skip) >= count)
                {
                    i = ++j;
                }
            }
        }

        private void Store(List<ArcSpec> arcs, int external, int i)
        {
            var arc = arcs[external];
            _internalOf[external] = i;
            _externalOf[i] = external;
            _source[i] = arc.Tail;
            _target[i] = arc.Head;
            _cap[i] = arc.Upper - arc.Lower;
            _cost[i] = arc.Cost;
            _state[i] = StateLower;
        }

        /// <summary>
        /// Moves every non-core arc with negative reduced cost into the core. All of them sit at
        /// their lower bound with zero flow, so the basis stays valid and the simplex continues.
        /// Returns false when there was none: the core optimum is optimal for all arcs.
        /// </summary>
        private bool PriceOutRest()
        {
            int before = _searchArcNum;
            // While artificial arcs still carry flow, nearly every arc prices out negative;
            // taking a few per node keeps the core small. Each sweep may take twice as many.
            var added = new int[_nodeNum];
            for (int e = _searchArcNum; e < _arcNum; e++)
            {
                int tail = _source[e];
                if (_cost[e] + _pi[tail] - _pi[_target[e]] < 0 && added[tail]++ < (long)CoreArcs.Quota(_supply[tail]) << _priceOutSweeps)
                {
                    SwapArcs(e, _searchArcNum++);
                }
            }

            _priceOutSweeps = Math.Min(_priceOutSweeps + 1, 20);

            return _searchArcNum > before;
        }

        private void SwapArcs(int x, int y)
        {
            (_source[x], _source[y]) = (_source[y], _source[x]);
            (_target[x], _target[y]) = (_target[y], _target[x]);
            (_cap[x], _cap[y]) = (_cap[y], _cap[x]);
            (_cost[x], _cost[y]) = (_cost[y], _cost[x]);
            (_flow[x], _flow[y]) = (_flow[y], _flow[x]);
            (_state[x], _state[y]) = (_state[y], _state[x]);
            (_externalOf[x], _externalOf[y]) = (_externalOf[y], _externalOf[x]);
            _internalOf[_externalOf[x]] = x;
            _internalOf[_externalOf[y]] = y;
        }

        public FlowStatus Run()
        {
            BuildArtificialTree();
            MakeInitialPivots();
            var pricing = new BlockSearch(this);
            do
            {
                while (pricing.FindEnteringArc())
                {
                    Pivot();
                }
            }
            while (PriceOutRest());

            for (int e = _arcNum; e < _arcNum + _nodeNum; e++)
            {
                if (_flow[e] != 0)
                {
                    return FlowStatus.Infeasible;
                }
            }

            return FlowStatus.Optimal;
        }

        /// <summary>
        /// The starting basis: every node hangs off an artificial root by an arc that carries its
        /// supply. Arcs into demand nodes cost more than any real path, so the simplex drives
        /// their flow to zero whenever a feasible flow exists.
        /// </summary>
        private void BuildArtificialTree()
        {
            long maxCost = 0;
            for (int e = 0; e < _arcNum; e++)
            {
                maxCost = Math.Max(maxCost, Math.Abs(_cost[e]));
            }

            long artificialCost = checked((maxCost + 1) * (_nodeNum + 1));
            _parent[_root] = -1;
            _pred[_root] = -1;
            _thread[_root] = 0;
            _revThread[0] = _root;
            _succNum[_root] = _nodeNum + 1;
            _lastSucc[_root] = _root - 1;
            _supply[_root] = 0;
            _pi[_root] = 0;
            for (int u = 0, e = _arcNum; u < _nodeNum; u++, e++)
            {
                _parent[u] = _root;
                _pred[u] = e;
                _thread[u] = u + 1;
                _revThread[u + 1] = u;
                _succNum[u] = 1;
                _lastSucc[u] = u;
                _cap[e] = long.MaxValue;
                _state[e] = StateTree;
                if (_supply[u] >= 0)
                {
                    _predDir[u] = DirUp;
                    _pi[u] = 0;
                    _source[e] = u;
                    _target[e] = _root;
                    _flow[e] = _supply[u];
                    _cost[e] = 0;
                }
                else
                {
                    _predDir[u] = DirDown;
                    _pi[u] = artificialCost;
                    _source[e] = _root;
                    _target[e] = u;
                    _flow[e] = -_supply[u];
                    _cost[e] = artificialCost;
                }
            }
        }

        /// <summary>
        /// LEMON's start heuristic: bring each demand node's cheapest incoming arc into the basis
        /// first, which replaces most artificial arcs in one cheap sweep. Only core arcs are tried:
        /// <see cref="PriceOutRest"/> relies on every other arc staying at its lower bound, and an arc
        /// pivoted to its upper bound outside the core would never be priced again.
        /// </summary>
        private void MakeInitialPivots()
        {
            var cheapestIn = new int[_nodeNum];
            Array.Fill(cheapestIn, -1);
            for (int e = 0; e < _searchArcNum; e++)
            {
                int v = _target[e];
                if (_supply[v] < 0 && (cheapestIn[v] < 0 || _cost[e] < _cost[cheapestIn[v]]))
                {
                    cheapestIn[v] = e;
                }
            }

            foreach (int e in cheapestIn)
            {
                if (e >= 0 && _state[e] * (_cost[e] + _pi[_source[e]] - _pi[_target[e]]) < 0)
                {
                    _inArc = e;
                    Pivot();
                }
            }
        }

        private void Pivot()
        {
            Pivots++;
            FindJoinNode();
            bool change = FindLeavingArc();
            ChangeFlow(change);
            if (change)
            {
                UpdateTreeStructure();
                UpdatePotential();
            }
        }

        private void FindJoinNode()
        {
            int u = _source[_inArc];
            int v = _target[_inArc];
            while (u != v)
            {
                if (_succNum[u] < _succNum[v])
                {
                    u = _parent[u];
                }
                else
                {
                    v = _parent[v];
                }
            }

            _join = u;
        }

        /// <summary>Finds the arc of the cycle that blocks first; returns false when it is the entering arc itself.</summary>
        private bool FindLeavingArc()
        {
            int first, second;
            if (_state[_inArc] == StateLower)
            {
                first = _source[_inArc];
                second = _target[_inArc];
            }
            else
            {
                first = _target[_inArc];
                second = _source[_inArc];
            }

            _delta = _cap[_inArc];
            int result = 0;
            for (int u = first; u != _join; u = _parent[u])
            {
                int e = _pred[u];
                long d = _predDir[u] == DirDown ? Residual(e) : _flow[e];
                if (d < _delta)
                {
                    _delta = d;
                    _uOut = u;
                    result = 1;
                }
            }

            for (int u = second; u != _join; u = _parent[u])
            {
                int e = _pred[u];
                long d = _predDir[u] == DirUp ? Residual(e) : _flow[e];
                if (d <= _delta)
                {
                    _delta = d;
                    _uOut = u;
                    result = 2;
                }
            }

            if (result == 1)
            {
                _uIn = first;
                _vIn = second;
            }
            else
            {
                _uIn = second;
                _vIn = first;
            }

            return result != 0;
        }

        private long Residual(int e) => _cap[e] == long.MaxValue ? long.MaxValue : _cap[e] - _flow[e];

        private void ChangeFlow(bool change)
        {
            if (_delta > 0)
            {
                long val = _state[_inArc] * _delta;
                _flow[_inArc] += val;
                for (int u = _source[_inArc]; u != _join; u = _parent[u])
                {
                    _flow[_pred[u]] -= _predDir[u] * val;
                }

                for (int u = _target[_inArc]; u != _join; u = _parent[u])
                {
                    _flow[_pred[u]] += _predDir[u] * val;
                }
            }

            if (change)
            {
                _state[_inArc] = StateTree;
                _state[_pred[_uOut]] = _flow[_pred[_uOut]] == 0 ? StateLower : StateUpper;
            }
            else
            {
                _state[_inArc] = (sbyte)-_state[_inArc];
            }
        }

        /// <summary>Re-hangs the subtree cut off by the leaving arc under the entering arc (LEMON 1.3's update).</summary>
        private void UpdateTreeStructure()
        {
            int oldRevThread = _revThread[_uOut];
            int oldSuccNum = _succNum[_uOut];
            int oldLastSucc = _lastSucc[_uOut];
            int vOut = _parent[_uOut];

            if (_uIn == _uOut)
            {
                _parent[_uIn] = _vIn;
                _pred[_uIn] = _inArc;
                _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
                if (_thread[_vIn] != _uOut)
                {
                    int after = _thread[oldLastSucc];
                    _thread[oldRevThread] = after;
                    _revThread[after] = oldRevThread;
                    after = _thread[_vIn];
                    _thread[_vIn] = _uOut;
                    _revThread[_uOut] = _vIn;
                    _thread[oldLastSucc] = after;
                    _revThread[after] = oldLastSucc;
                }
            }
            else
            {
                // When old_rev_thread is v_in, join and v_out coincide.
                int threadContinue = oldRevThread == _vIn ? _thread[oldLastSucc] : _thread[_vIn];

                // Walk the stem from u_in up to u_out, reversing parent links and splicing threads.
                int stem = _uIn;
                int parStem = _vIn;
                int last = _lastSucc[_uIn];
                int after = _thread[last];
                _thread[_vIn] = _uIn;
                _dirtyRevs.Clear();
                _dirtyRevs.Add(_vIn);
                while (stem != _uOut)
                {
                    int nextStem = _parent[stem];
                    _thread[last] = nextStem;
                    _dirtyRevs.Add(last);

                    int before = _revThread[stem];
                    _thread[before] = after;
                    _revThread[after] = before;

                    _parent[stem] = parStem;
                    parStem = stem;
                    stem = nextStem;

                    last = _lastSucc[stem] == _lastSucc[parStem] ? _revThread[parStem] : _lastSucc[stem];
                    after = _thread[last];
                }

                _parent[_uOut] = parStem;
                _thread[last] = threadContinue;
                _revThread[threadContinue] = last;
                _lastSucc[_uOut] = last;

                if (oldRevThread != _vIn)
                {
                    _thread[oldRevThread] = after;
                    _revThread[after] = oldRevThread;
                }

                foreach (int u in _dirtyRevs)
                {
                    _revThread[_thread[u]] = u;
                }

                int tmpSc = 0;
                int tmpLs = _lastSucc[_uOut];
                for (int u = _uOut, p = _parent[u]; u != _uIn; u = p, p = _parent[u])
                {
                    _pred[u] = _pred[p];
                    _predDir[u] = (sbyte)-_predDir[p];
                    tmpSc += _succNum[u] - _succNum[p];
                    _succNum[u] = tmpSc;
                    _lastSucc[p] = tmpLs;
                }

                _pred[_uIn] = _inArc;
                _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
                _succNum[_uIn] = oldSuccNum;
            }

            int upLimitOut = _lastSucc[_join] == _vIn ? _join : -1;
            int lastSuccOut = _lastSucc[_uOut];
            for (int u = _vIn; u != -1 && _lastSucc[u] == _vIn; u = _parent[u])
            {
                _lastSucc[u] = lastSuccOut;
            }

            if (_join != oldRevThread && _vIn != oldRevThread)
            {
                for (int u = vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u])
                {
                    _lastSucc[u] = oldRevThread;
                }
            }
            else if (lastSuccOut != oldLastSucc)
            {
                for (int u = vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u])
                {
                    _lastSucc[u] = lastSuccOut;
                }
            }

            for (int u = _vIn; u != _join; u = _parent[u])
            {
                _succNum[u] += oldSuccNum;
            }

            for (int u = vOut; u != _join; u = _parent[u])
            {
                _succNum[u] -= oldSuccNum;
            }
        }

        private void UpdatePotential()
        {
            long sigma = _pi[_vIn] - _pi[_uIn] - (_predDir[_uIn] * _cost[_inArc]);
            int end = _thread[_lastSucc[_uIn]];
            for (int u = _uIn; u != end; u = _thread[u])
            {
                _pi[u] += sigma;
            }
        }

        /// <summary>
        /// Block search pricing: scan arcs in blocks of about sqrt(m) from where the last scan
        /// stopped, and take the most violating arc of the first block that has one.
        /// </summary>
        private sealed class BlockSearch(FlowTree tree)
        {
            private const double BlockSizeFactor = 1.0;
            private const int MinBlockSize = 10;

            private int _nextArc;

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public bool FindEnteringArc()
            {
                // The core grows between calls, so the block size follows it.
                int arcNum = tree._searchArcNum;
                int blockSize = Math.Max((int)(BlockSizeFactor * Math.Sqrt(arcNum)), MinBlockSize);
                ref int source = ref MemoryMarshal.GetArrayDataReference(tree._source);
                ref int target = ref MemoryMarshal.GetArrayDataReference(tree._target);
                ref long cost = ref MemoryMarshal.GetArrayDataReference(tree._cost);
                ref sbyte state = ref MemoryMarshal.GetArrayDataReference(tree._state);
                ref long pi = ref MemoryMarshal.GetArrayDataReference(tree._pi);
                long min = 0;
                int best = -1;
                int count = blockSize;
                int e = _nextArc < arcNum ? _nextArc : 0;
                for (int scanned = 0; scanned < arcNum; scanned++)
                {
                    long c = Unsafe.Add(ref state, e) *
                        (Unsafe.Add(ref cost, e) + Unsafe.Add(ref pi, Unsafe.Add(ref source, e)) - Unsafe.Add(ref pi, Unsafe.Add(ref target, e)));
                    if (c < min)
                    {
                        min = c;
                        best = e;
                    }

                    if (++e == arcNum)
                    {
                        e = 0;
                    }

                    if (--count == 0)
                    {
                        if (min < 0)
                        {
                            break;
                        }

                        count = blockSize;
                    }
                }

                if (best < 0)
                {
                    return false;
                }

                tree._inArc = best;
                _nextArc = e;
                return true;
            }
        }
    }
}
