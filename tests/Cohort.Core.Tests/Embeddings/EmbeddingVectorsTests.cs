using Cohort.Core.Embeddings;

namespace Cohort.Core.Tests.Embeddings;

public sealed class EmbeddingVectorsTests
{
    [Fact]
    public void Vectors_are_stored_as_little_endian_float32()
    {
        float[] vector = [1f, -2.5f, 0.1f];

        var bytes = EmbeddingVectors.ToBytes(vector);

        // IEEE 754 single precision by hand: 1.0 = 0x3F800000, -2.5 = 0xC0200000, lowest byte first.
        Assert.Equal([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0], bytes[..8]);
        Assert.Equal(vector, EmbeddingVectors.FromBytes(bytes));
    }

    [Fact]
    public void Centring_subtracts_the_mean_and_scales_back_to_unit_length()
    {
        float[][] vectors = [[1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0, 0]];
        var mean = EmbeddingVectors.Mean(vectors);

        Assert.Equal([0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0], mean);
        var centred = EmbeddingVectors.Centred(vectors[0], mean);
        // (0.5, -0.5) scaled to unit length is (0.7071, -0.7071); the two centred vectors point opposite ways.
        Assert.Equal(0.70710677f, centred[0], 5);
        Assert.Equal(-0.70710677f, centred[1], 5);
        Assert.Equal(-1f, EmbeddingVectors.Dot(centred, EmbeddingVectors.Centred(vectors[1], mean)), 5);
        Assert.All(EmbeddingVectors.Centred(mean, mean), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void The_dot_product_covers_every_dimension_and_refuses_unequal_lengths()
    {
        var a = Enumerable.Range(1, 19).Select(i => (float)i).ToArray();
        var b = Enumerable.Repeat(2f, 19).ToArray();

        Assert.Equal(2 * 19 * 20 / 2, EmbeddingVectors.Dot(a, b));
        Assert.Throws<ArgumentException>(() => EmbeddingVectors.Dot(a, b[1..]));
    }

    [Fact]
    public void A_reviewers_text_is_their_statement_then_their_tags_as_a_sentence()
    {
        Assert.Equal("I work on circuits.\n\nExpertise: interpretability, probing.", ExpertiseText.Of(" I work on circuits. ", ["interpretability", " probing ", ""]));
        Assert.Equal("Expertise: evals.", ExpertiseText.Of("", ["evals"]));
        Assert.Equal("I work on evals.", ExpertiseText.Of("I work on evals.", []));
    }
}
