using System.Text;
using System.Text.RegularExpressions;

namespace Cohort.Core.Embeddings;

/// <summary>
/// Cuts a statement into the units that sentence-level affinity compares: its sentences, and each bullet or list
/// item on its own. A full stop after a common abbreviation ("e.g.", "i.e.", "et al.", "cf.", "Dr.") or an initial
/// does not end a sentence, nor one inside a number ("3.5"); a line that wraps a paragraph joins it again. Units are
/// kept short for the model (at most <see cref="MostWords"/> words each, a longer run of words is cut into pieces) and
/// a statement gives at most <see cref="MostSentences"/> of them, so one long text cannot outweigh a season.
/// </summary>
public static partial class SentenceSplitter
{
    public const int MostSentences = 40;

    /// <summary>About 130 word pieces: well inside the 256 the model was trained for.</summary>
    public const int MostWords = 100;

    // Compared in lower case without the full stop; "etc." is left out because it often ends a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "eg", "i.e", "ie", "al", "cf", "vs", "viz", "approx", "incl", "esp", "resp", "fig", "figs", "eq", "eqs",
        "no", "nos", "vol", "pp", "ch", "sec", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "inc", "ltd", "co",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var units = new List<string>();
        foreach (var block in Blocks(text))
        {
            foreach (var sentence in Sentences(block))
            {
                foreach (var piece in Pieces(sentence))
                {
                    if (units.Count == MostSentences)
                    {
                        return units;
                    }

                    units.Add(piece);
                }
            }
        }

        return units;
    }

    /// <summary>Paragraphs and list items: a blank line or a bullet starts a new one, any other line continues the last.</summary>
    private static IEnumerable<string> Blocks(string text)
    {
        var block = new StringBuilder();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            var bullet = Bullet().Match(line);
            if (line.Length == 0 || bullet.Success)
            {
                if (block.Length > 0)
                {
                    yield return block.ToString();
                    block.Clear();
                }

                line = line[bullet.Length..];
            }

            if (line.Length > 0)
            {
                block.Append(block.Length > 0 ? " " : "").Append(line);
            }
        }

        if (block.Length > 0)
        {
            yield return block.ToString();
        }
    }

    private static IEnumerable<string> Sentences(string block)
    {
        int start = 0;
        foreach (System.Text.RegularExpressions.Match end in SentenceEnd().Matches(block))
        {
            if (end.Value.StartsWith('.') && IsAbbreviation(block, end.Index))
            {
                continue;
            }

            var sentence = block[start..(end.Index + end.Length)].Trim();
            start = end.Index + end.Length;
            if (HasWords(sentence))
            {
                yield return sentence;
            }
        }

        var rest = block[start..].Trim();
        if (HasWords(rest))
        {
            yield return rest;
        }
    }

    /// <summary>Whether the word before the full stop at <paramref name="stop"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string block, int stop)
    {
        int wordStart = stop;
        while (wordStart > 0 && !char.IsWhiteSpace(block[wordStart - 1]) && block[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = block[wordStart..stop];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static IEnumerable<string> Pieces(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MostWords ? [sentence] : words.Chunk(MostWords).Select(piece => string.Join(' ', piece));
    }

    private static bool HasWords(string unit) => unit.Any(char.IsLetterOrDigit);

    // "- ", "* ", "• ", "1. ", "2) ", "a) " at the start of a line.
    [GeneratedRegex(@"^(?:[-*•–·▪]|\d{1,2}[.)]|[a-zA-Z][)])\s+")]
    private static partial Regex Bullet();

    // The end of a sentence: . ! ? or … (closing quotes or brackets may follow), then a space and what can start one.
    [GeneratedRegex(@"[.!?…]+[""'”’)\]]*(?=\s+[""'“‘(\[]?[\p{Lu}\d])")]
    private static partial Regex SentenceEnd();
}
