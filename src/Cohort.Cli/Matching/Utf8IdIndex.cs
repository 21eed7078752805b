using System.Runtime.CompilerServices;

namespace Cohort.Cli.Matching;

/// <summary>
/// An open-addressing hash table from ids, as UTF-8 bytes, to their index: the fast readers look
/// up a million ids straight from the input bytes without making a string of each.
/// </summary>
internal sealed class Utf8IdIndex
{
    private readonly Utf8Text _text;
    private readonly IReadOnlyList<Range> _ids;
    private readonly int[] _slots;
    private readonly int _mask;

    private Utf8IdIndex(Utf8Text text, IReadOnlyList<Range> ids)
    {
        _text = text;
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

    /// <summary>Indexes the ids at <paramref name="ids"/> in <paramref name="text"/>; null when one is empty or occurs twice.</summary>
    public static Utf8IdIndex? Build(Utf8Text text, IReadOnlyList<Range> ids)
    {
        var index = new Utf8IdIndex(text, ids);
        for (int i = 0; i < ids.Count; i++)
        {
            var id = text[ids[i]];
            int slot = index.SlotOf(id);
            if (id.IsEmpty || index._slots[slot] >= 0)
            {
                return null;
            }

            index._slots[slot] = i;
        }

        return index;
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
            if (at < 0 || _text[_ids[at]].SequenceEqual(id))
            {
                return slot;
            }
        }
    }
}
