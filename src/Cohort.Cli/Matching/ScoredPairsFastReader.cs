using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary>
/// A streaming reader for the list of scored pairs, which holds nearly all of a large assignment
/// instance (1.5 million affinities for 5,000 applications × 300 reviewers). Ids are looked up
/// as UTF-8 bytes in place. Anything unusual makes it give up and return null, so that
/// <see cref="AssignmentInstanceReader"/> reads the list again and names the offending field.
/// </summary>
internal static class ScoredPairsFastReader
{
    private static readonly byte[] ScoreKey = "score"u8.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<ScoredPair>? TryRead(ReadOnlySpan<byte> array, AssignmentFormat format, Utf8IdIndex left, Utf8IdIndex right)
    {
        byte[] leftKey = Encoding.UTF8.GetBytes(format.LeftKey);
        byte[] rightKey = Encoding.UTF8.GetBytes(format.RightKey);
        var pairs = new List<ScoredPair>();
        var reader = new Utf8JsonReader(array);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                int l = -1, r = -1;
                decimal? score = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(leftKey))
                    {
                        l = ReadId(ref reader, left);
                    }
                    else if (reader.ValueTextEquals(rightKey))
                    {
                        r = ReadId(ref reader, right);
                    }
                    else if (reader.ValueTextEquals(ScoreKey))
                    {
                        score = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value) ? value : null;
                        if (score is null)
                        {
                            return null;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (l < 0 || r < 0 || score is null)
                {
                    return null;
                }

                pairs.Add(new ScoredPair(l, r, score.Value));
            }

            return reader.TokenType == JsonTokenType.EndArray ? pairs : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The index of the id, or -1 when it is not a plain known id.</summary>
    private static int ReadId(ref Utf8JsonReader reader, Utf8IdIndex ids) =>
        reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? ids.Find(reader.ValueSpan) : -1;
}
