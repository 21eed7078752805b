namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// The evaluation set cut in two by topic: a method, a model or blend weights are chosen on the first half of the
/// topics and reported on the second too, so a choice that only fits the topics it was made on shows as a drop.
/// </summary>
public sealed class HeldOutSplit
{
    private readonly HashSet<int> choosingItems;

    private HeldOutSplit(int choosingTopics, HashSet<int> choosingItems) =>
        (ChoosingTopics, this.choosingItems) = (choosingTopics, choosingItems);

    /// <summary>How many topics, from the first, choices are made on.</summary>
    public int ChoosingTopics { get; }

    public static HeldOutSplit Of(EvaluationSet set)
    {
        int choosingTopics = set.Topics.Count / 2;
        var choosing = set.Topics.Take(choosingTopics).Select(t => t.Id).ToHashSet();
        var items = set.Items.Select((item, index) => (item.Topic, index)).Where(x => choosing.Contains(x.Topic.Id)).Select(x => x.index);
        return new HeldOutSplit(choosingTopics, [.. items]);
    }

    /// <summary>Whether item <paramref name="item"/> (an index into the set's items) is in the topics choices are made on.</summary>
    public bool IsChoosing(int item) => choosingItems.Contains(item);
}
