using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Cohort.Cli.Matching;

/// <summary>
/// The strings a fast reader keeps, as places rather than copies: a plain string is where it lies in
/// the input, and an escaped one (<c>"a\u00e9"</c>, <c>"x\"y"</c>) is unescaped once into a side
/// buffer whose places follow the input's. Ids are then compared as UTF-8 bytes without a string each.
/// </summary>
internal sealed class Utf8Text(byte[] input)
{
    private byte[] _unescaped = [];
    private int _unescapedLength;

    /// <summary>The place of the current string token's text; reading from one array, so offsets are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Range Take(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            int start = (int)reader.TokenStartIndex + 1;
            return new Range(start, start + reader.ValueSpan.Length);
        }

        // Unescaping never lengthens a string, so its escaped length is room enough.
        if (_unescapedLength + reader.ValueSpan.Length > _unescaped.Length)
        {
            Array.Resize(ref _unescaped, Math.Max(_unescaped.Length * 2, _unescapedLength + reader.ValueSpan.Length));
        }

        int written = reader.CopyString(_unescaped.AsSpan(_unescapedLength));
        int at = input.Length + _unescapedLength;
        _unescapedLength += written;
        return new Range(at, at + written);
    }

    public ReadOnlySpan<byte> this[Range place]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => place.Start.Value < input.Length
            ? input.AsSpan(place)
            : _unescaped.AsSpan(place.Start.Value - input.Length, place.End.Value - place.Start.Value);
    }

    /// <summary>The text at each place as a string; null when one is not valid UTF-8 (the thorough reader then says so).</summary>
    public string[]? Strings(IReadOnlyList<Range> places)
    {
        var strings = new string[places.Count];
        for (int i = 0; i < strings.Length; i++)
        {
            var bytes = this[places[i]];
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return null;
            }

            strings[i] = Encoding.UTF8.GetString(bytes);
        }

        return strings;
    }
}
