using System.Buffers.Binary;
using System.Numerics;

namespace Cohort.Core.Embeddings;

/// <summary>The arithmetic of embedding vectors, and their stored form (little-endian float32, 4 bytes a dimension).</summary>
public static class EmbeddingVectors
{
    /// <summary>The dot product: the cosine of two unit vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors of {a.Length} and {b.Length} dimensions cannot be compared.");
        }

        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    /// <summary>The mean of <paramref name="vectors"/>, all of one length.</summary>
    public static float[] Mean(IEnumerable<float[]> vectors)
    {
        float[]? sum = null;
        int count = 0;
        foreach (var vector in vectors)
        {
            sum ??= new float[vector.Length];
            for (int i = 0; i < vector.Length; i++)
            {
                sum[i] += vector[i];
            }

            count++;
        }

        if (sum is null)
        {
            return [];
        }

        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] /= count;
        }

        return sum;
    }

    /// <summary>
    /// <paramref name="vector"/> less <paramref name="mean"/>, scaled back to unit length; the zero vector when nothing
    /// is left (the vector was the mean), which is then close to nothing.
    /// </summary>
    public static float[] Centred(float[] vector, float[] mean)
    {
        var centred = new float[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            centred[i] = vector[i] - mean[i];
        }

        float norm = MathF.Sqrt(Dot(centred, centred));
        if (norm < 1e-6f)
        {
            return new float[vector.Length];
        }

        for (int i = 0; i < centred.Length; i++)
        {
            centred[i] /= norm;
        }

        return centred;
    }

    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
