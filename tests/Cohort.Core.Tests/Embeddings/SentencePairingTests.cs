using Cohort.Core.Embeddings;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>How the sentence-level methods turn sentence-pair cosines into one score, on vectors set by hand.</summary>
public sealed class SentencePairingTests
{
    // Item sentences a1 = (1, 0), a2 = (0, 1); reviewer sentences b1 = (0.6, 0.8), b2 = (1, 0). Cosines by hand:
    // a1·b1 = 0.6, a1·b2 = 1, a2·b1 = 0.8, a2·b2 = 0.
    private static readonly Dictionary<string, float[]> Vectors = new()
    {
        ["First item sentence."] = [1, 0],
        ["Second item sentence."] = [0, 1],
        ["First reviewer sentence."] = [0.6f, 0.8f],
        ["Second reviewer sentence."] = [1, 0],
    };

    [Theory]
    // Best match one way: a1's best is 1 (b2), a2's is 0.8 (b1): (1 + 0.8) / 2 = 0.9.
    [InlineData(nameof(SemanticMethod.BestMatch), 0.9)]
    // Both ways: b1's best is 0.8 (a2), b2's is 1 (a1): 0.9 again, and the mean of 0.9 and 0.9 is 0.9.
    [InlineData(nameof(SemanticMethod.SymmetricBestMatch), 0.9)]
    // The closest pair: a1·b2 = 1.
    [InlineData(nameof(SemanticMethod.ClosestPair), 1.0)]
    // The 3 closest of the 4 pairs: (1 + 0.8 + 0.6) / 3 = 0.8.
    [InlineData(nameof(SemanticMethod.ClosestPairsMean), 0.8)]
    public async Task Each_pairing_gives_its_hand_worked_score(string method, double expected)
    {
        var chosen = (SemanticMethod)typeof(SemanticMethod).GetField(method)!.GetValue(null)!;

        var affinity = await SemanticAffinity.BuildAsync(
            ["First item sentence. Second item sentence."], ["First reviewer sentence. Second reviewer sentence."],
            new HandSetVectors(), chosen, TestContext.Current.CancellationToken);

        Assert.Equal(expected, affinity.Score(0, 0), 5);
    }

    private sealed class HandSetVectors : ITextVectors
    {
        public string Model => "hand-set";

        public Task<IReadOnlyList<float[]>> GetOrComputeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default) =>
            Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(t => Vectors[t])]);
    }
}
