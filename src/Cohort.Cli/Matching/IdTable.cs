using System.Runtime.CompilerServices;

namespace Cohort.Cli.Matching;

/// <summary>The ids of one list, numbered 0, 1, 2, ... in input order; duplicates are an input error.</summary>
internal sealed class IdTable(string kind)
{
    public string Kind => kind;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    public int Count => _ids.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string id, JsonPath path, string field)
    {
        if (!_index.TryAdd(id, _ids.Count))
        {
            throw new InvalidInputException($"{path.Field(field)}: duplicate {kind} id \"{id}\"");
        }

        _ids.Add(id);
    }

    public int? TryFind(string id) => _index.TryGetValue(id, out int index) ? index : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(string id, JsonPath path, string field) =>
        _index.TryGetValue(id, out int index) ? index : throw new InvalidInputException($"{path.Field(field)}: unknown {kind} id \"{id}\"");
}
