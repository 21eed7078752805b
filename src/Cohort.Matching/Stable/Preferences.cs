namespace Cohort.Matching.Stable;

/// <summary>
/// Every ranking of one side, stored flat (compressed rows): the ranking of person <c>p</c> is
/// <c>Items[Start[p]..Start[p+1]]</c>, best first. <c>Levels</c> holds each entry's rank level:
/// entries with equal level are tied; a strict ranking has level = position.
/// </summary>
public sealed class Preferences
{
    /// <summary>Wraps arrays already in compressed-row form.</summary>
    public Preferences(int[] start, int[] items, int[] levels)
    {
        if (start.Length == 0 || start[^1] != items.Length || items.Length != levels.Length)
        {
            throw new ArgumentException("Start, items and levels do not describe the same entries.");
        }

        Start = start;
        Items = items;
        Levels = levels;
    }

    /// <summary>Offsets of each person's ranking, one more than the number of people.</summary>
    public int[] Start { get; }

    /// <summary>Ranked people of the other side, every ranking concatenated.</summary>
    public int[] Items { get; }

    /// <summary>Rank level of each entry; tied entries share a level, and levels never decrease along a ranking.</summary>
    public int[] Levels { get; }

    /// <summary>Number of people whose rankings these are.</summary>
    public int Count => Start.Length - 1;

    /// <summary>Length of one person's ranking.</summary>
    public int Length(int person) => Start[person + 1] - Start[person];

    /// <summary>True when some ranking has two entries on the same level.</summary>
    public bool HasTies()
    {
        for (int p = 0; p < Count; p++)
        {
            for (int e = Start[p] + 1; e < Start[p + 1]; e++)
            {
                if (Levels[e] == Levels[e - 1])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Strict rankings from plain lists, best first.</summary>
    public static Preferences Strict(IReadOnlyList<int[]> rankings)
    {
        var builder = new PreferencesBuilder();
        foreach (var ranking in rankings)
        {
            builder.BeginRanking();
            foreach (int item in ranking)
            {
                builder.AddGroup([item]);
            }
        }

        return builder.Build();
    }
}

/// <summary>Builds <see cref="Preferences"/> one ranking and one tie group at a time.</summary>
public sealed class PreferencesBuilder
{
    private readonly List<int> _start = [0];
    private readonly List<int> _items = [];
    private readonly List<int> _levels = [];
    private int _level;

    /// <summary>Starts the ranking of the next person.</summary>
    public void BeginRanking()
    {
        // The new ranking ends where it starts until groups are added to it.
        _start.Add(_items.Count);
        _level = 0;
    }

    /// <summary>Adds the next rank level of the current ranking: one person, or several tied.</summary>
    public void AddGroup(ReadOnlySpan<int> tied)
    {
        foreach (int item in tied)
        {
            _items.Add(item);
            _levels.Add(_level);
        }

        _start[^1] = _items.Count;
        _level++;
    }

    /// <summary>The rankings added so far.</summary>
    public Preferences Build() => new([.. _start], [.. _items], [.. _levels]);
}
