namespace Cohort.Core.Review;

/// <summary>
/// The reviews laid out for the mixed model: subjects, reviewers, the connected components of the reviewer–subject
/// graph (largest first), and the topics that get an effect. The dense unknowns are, in order, one mean per component
/// (free: nothing links two components), one leniency per reviewer, and one effect per topic that shares a component
/// with another topic (a topic alone in its component cannot be told from its component's mean).
/// </summary>
internal sealed class CalibrationDesign
{
    public CalibrationDesign(IReadOnlyCollection<ReviewScore> reviews, IReadOnlyDictionary<int, string>? topics)
    {
        SubjectIds = reviews.Select(r => r.Subject).Distinct().Order().ToArray();
        ReviewerIds = reviews.Select(r => r.Reviewer).Distinct().Order(StringComparer.Ordinal).ToArray();
        var subjectIndex = SubjectIds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var reviewerIndex = ReviewerIds.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        Reviews = reviews.Select(r => (Subject: subjectIndex[r.Subject], Reviewer: reviewerIndex[r.Reviewer], r.Score)).ToArray();

        (SubjectComponent, ReviewerComponent, ComponentCount) = Components();
        TopicNames = SubjectIds.Select(id => topics?.GetValueOrDefault(id)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        var topicIndex = TopicNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        SubjectTopic = SubjectIds.Select(id => topics?.GetValueOrDefault(id) is { } t ? topicIndex[t] : -1).ToArray();
        var topicsOfComponent = Enumerable.Range(0, SubjectIds.Length).Where(s => SubjectTopic[s] >= 0)
            .GroupBy(s => SubjectComponent[s]).ToDictionary(g => g.Key, g => g.Select(s => SubjectTopic[s]).Distinct().Count());
        var sharing = Enumerable.Range(0, TopicNames.Length)
            .Where(t => SubjectsOf(t).Any(s => topicsOfComponent[SubjectComponent[s]] > 1)).ToArray();
        TopicColumnOf = Enumerable.Repeat(-1, TopicNames.Length).ToArray();
        for (var i = 0; i < sharing.Length; i++)
        {
            TopicColumnOf[sharing[i]] = ComponentCount + ReviewerIds.Length + i;
        }

        TopicEffects = sharing.Length;
        var bySubject = Reviews.ToLookup(r => r.Subject, r => r.Reviewer);
        Couplings = Enumerable.Range(0, SubjectIds.Length).Select(s => Coupling(s, bySubject[s])).ToArray();
        (SubjectCount, SubjectSum) = (new double[SubjectIds.Length], new double[SubjectIds.Length]);
        foreach (var (subject, _, score) in Reviews)
        {
            SubjectCount[subject]++;
            SubjectSum[subject] += score;
        }
    }

    public int[] SubjectIds { get; }

    public string[] ReviewerIds { get; }

    public (int Subject, int Reviewer, double Score)[] Reviews { get; }

    public int[] SubjectComponent { get; }

    public int[] ReviewerComponent { get; }

    public int ComponentCount { get; }

    /// <summary>Every topic named, in ordinal order; <see cref="SubjectTopic"/> indexes it (−1: no topic).</summary>
    public string[] TopicNames { get; }

    public int[] SubjectTopic { get; }

    /// <summary>The dense column of each topic's effect, −1 for a topic alone in its component.</summary>
    public int[] TopicColumnOf { get; }

    public int TopicEffects { get; }

    public int DenseSize => ComponentCount + ReviewerIds.Length + TopicEffects;

    public int ReviewerColumn(int reviewer) => ComponentCount + reviewer;

    /// <summary>Each subject's row of the cross block: the dense columns its reviews touch, and how often.</summary>
    public (int[] Columns, double[] Values)[] Couplings { get; }

    public double[] SubjectCount { get; }

    public double[] SubjectSum { get; }

    /// <summary>The dense columns a subject's effect is added to: its component's mean and its topic's effect, if any.</summary>
    public IEnumerable<int> BaseColumns(int subject) => SubjectTopic[subject] >= 0 && TopicColumnOf[SubjectTopic[subject]] >= 0
        ? [SubjectComponent[subject], TopicColumnOf[SubjectTopic[subject]]]
        : [SubjectComponent[subject]];

    public IEnumerable<int> SubjectsOf(int topic) => Enumerable.Range(0, SubjectIds.Length).Where(s => SubjectTopic[s] == topic);

    private (int[] Columns, double[] Values) Coupling(int subject, IEnumerable<int> reviewers)
    {
        var counts = new Dictionary<int, double>();
        foreach (var reviewer in reviewers)
        {
            foreach (var column in BaseColumns(subject).Append(ReviewerColumn(reviewer)))
            {
                counts[column] = counts.GetValueOrDefault(column) + 1;
            }
        }

        return (counts.Keys.ToArray(), counts.Values.ToArray());
    }

    /// <summary>Union–find over subjects and reviewers; components numbered largest first (by reviews), ties by first subject.</summary>
    private (int[] Subjects, int[] Reviewers, int Count) Components()
    {
        var parent = Enumerable.Range(0, SubjectIds.Length + ReviewerIds.Length).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var (subject, reviewer, _) in Reviews)
        {
            parent[Find(subject)] = Find(SubjectIds.Length + reviewer);
        }

        var roots = Reviews.GroupBy(r => Find(r.Subject)).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => r.Subject))
            .Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return (Enumerable.Range(0, SubjectIds.Length).Select(s => roots[Find(s)]).ToArray(),
            Enumerable.Range(0, ReviewerIds.Length).Select(r => roots[Find(SubjectIds.Length + r)]).ToArray(), roots.Count);
    }
}
