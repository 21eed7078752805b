using Cohort.Core.Embeddings;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>The real model, loaded once for the whole test run (it takes seconds), and a counter of what it is asked to embed.</summary>
public static class SharedEmbedder
{
    public static MiniLmEmbedder Model { get; } = new();
}

/// <summary>The real model behind a counter: how many texts it was asked to embed, so a test can tell a cache hit from a recomputation.</summary>
public sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private int embedded;

    public int Embedded => embedded;

    public string Model => inner.Model;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        Interlocked.Add(ref embedded, texts.Count);
        return inner.Embed(texts);
    }
}
