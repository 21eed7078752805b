using System.Runtime.CompilerServices;
using System.Text;

namespace Cohort.Cli.Matching;

/// <summary>
/// An open-addressing hash table from ids, as UTF-8 bytes, to their index: the fast readers look
/// up a million ids straight from the input bytes without making a string of each.
/// </summary>
internal sealed class Utf8IdIndex
{
    private readonly byte[] _bytes;
    private readonly IReadOnlyList<Range> _ids;
    private readonly int[] _slots;
    private readonly int _mask;

    private Utf8IdIndex(byte[] bytes, IReadOnlyList<Range> ids)
    {
        _bytes = bytes;
        _ids = ids;
        int size = 16;
        while (size < ids.Count * 2)
        {
            size *= 2;
        }

        _slots = new int[size];
        Array.Fill(_slots, -1);
        _mask = size - 1;
    }

    public int Count => _ids.Count;

    /// <summary>Indexes the ids found at <paramref name="ids"/> in <paramref name="bytes"/>; null when an id occurs twice.</summary>
    public static Utf8IdIndex? Build(byte[] bytes, IReadOnlyList<Range> ids)
    {
        var index = new Utf8IdIndex(bytes, ids);
        for (int i = 0; i < ids.Count; i++)
        {
            int slot = index.SlotOf(bytes.AsSpan(ids[i]));
            if (index._slots[slot] >= 0)
            {
                return null;
            }

            index._slots[slot] = i;
        }

        return index;
    }

    /// <summary>Indexes ids already read as strings (they are known to be distinct).</summary>
    public static Utf8IdIndex FromStrings(IReadOnlyList<string> ids)
    {
        var encoded = ids.Select(Encoding.UTF8.GetBytes).ToList();
        var bytes = new byte[encoded.Sum(e => e.Length)];
        var ranges = new List<Range>(ids.Count);
        int at = 0;
        foreach (byte[] id in encoded)
        {
            id.CopyTo(bytes, at);
            ranges.Add(new Range(at, at + id.Length));
            at += id.Length;
        }

        return Build(bytes, ranges)!;
    }

    /// <summary>The index of <paramref name="id"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> id) => _slots[SlotOf(id)];

    /// <summary>The slot holding <paramref name="id"/>, or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SlotOf(ReadOnlySpan<byte> id)
    {
        uint hash = 2166136261;
        foreach (byte b in id)
        {
            hash = (hash ^ b) * 16777619;
        }

        for (int slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            int at = _slots[slot];
            if (at < 0 || _bytes.AsSpan(_ids[at]).SequenceEqual(id))
            {
                return slot;
            }
        }
    }
}
