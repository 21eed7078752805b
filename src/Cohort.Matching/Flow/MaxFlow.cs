namespace Cohort.Matching.Flow;

/// <summary>
/// Maximum flow by Dinic's algorithm, used to find a minimum cut: after <see cref="Run"/>, the
/// nodes still reachable from the source in the residual graph form the smallest source side
/// of a minimum cut.
/// </summary>
internal sealed class MaxFlow
{
    private readonly int _nodeCount;
    private readonly List<int> _to = [];
    private readonly List<long> _residual = [];
    private readonly List<int>[] _out;
    private int[] _level = [];
    private int[] _cursor = [];

    public MaxFlow(int nodeCount)
    {
        _nodeCount = nodeCount;
        _out = new List<int>[nodeCount];
        for (int v = 0; v < nodeCount; v++)
        {
            _out[v] = [];
        }
    }

    /// <summary>Adds an arc; its reverse residual arc is the next index.</summary>
    public void AddArc(int tail, int head, long capacity)
    {
        _out[tail].Add(_to.Count);
        _to.Add(head);
        _residual.Add(capacity);
        _out[head].Add(_to.Count);
        _to.Add(tail);
        _residual.Add(0);
    }

    /// <summary>Pushes as much flow as possible from source to sink and returns its value.</summary>
    public long Run(int source, int sink)
    {
        long total = 0;
        _level = new int[_nodeCount];
        _cursor = new int[_nodeCount];
        while (BuildLevels(source, sink))
        {
            Array.Clear(_cursor);
            long pushed;
            while ((pushed = Push(source, sink, long.MaxValue)) > 0)
            {
                total += pushed;
            }
        }

        return total;
    }

    /// <summary>Nodes reachable from <paramref name="source"/> through arcs with residual capacity.</summary>
    public bool[] ReachableFrom(int source)
    {
        var seen = new bool[_nodeCount];
        var stack = new Stack<int>();
        seen[source] = true;
        stack.Push(source);
        while (stack.TryPop(out int v))
        {
            foreach (int arc in _out[v])
            {
                int w = _to[arc];
                if (_residual[arc] > 0 && !seen[w])
                {
                    seen[w] = true;
                    stack.Push(w);
                }
            }
        }

        return seen;
    }

    private bool BuildLevels(int source, int sink)
    {
        Array.Fill(_level, -1);
        var queue = new Queue<int>();
        _level[source] = 0;
        queue.Enqueue(source);
        while (queue.TryDequeue(out int v))
        {
            foreach (int arc in _out[v])
            {
                int w = _to[arc];
                if (_residual[arc] > 0 && _level[w] < 0)
                {
                    _level[w] = _level[v] + 1;
                    queue.Enqueue(w);
                }
            }
        }

        return _level[sink] >= 0;
    }

    private long Push(int v, int sink, long limit)
    {
        if (v == sink)
        {
            return limit;
        }

        var arcs = _out[v];
        for (; _cursor[v] < arcs.Count; _cursor[v]++)
        {
            int arc = arcs[_cursor[v]];
            int w = _to[arc];
            if (_residual[arc] <= 0 || _level[w] != _level[v] + 1)
            {
                continue;
            }

            long pushed = Push(w, sink, Math.Min(limit, _residual[arc]));
            if (pushed > 0)
            {
                _residual[arc] -= pushed;
                _residual[arc ^ 1] += pushed;
                return pushed;
            }
        }

        return 0;
    }
}
