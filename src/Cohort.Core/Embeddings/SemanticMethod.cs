namespace Cohort.Core.Embeddings;

/// <summary>
/// One way to turn embeddings into a similarity of two texts, each measured on the evaluation set (docs/affinity.md):
/// <list type="bullet">
/// <item>whole texts: the cosine of the two texts' vectors;</item>
/// <item>best match: each sentence of the item is matched with its closest sentence of the other text, and the
/// cosines are averaged over the item's sentences; symmetric averages that with the same the other way round;</item>
/// <item>centred: every vector first has a mean vector subtracted (and is scaled back to unit length), which removes
/// what all the texts share and leaves what tells them apart: the mean of all texts in play (<see cref="Centring.Corpus"/>),
/// or each side's own mean (<see cref="Centring.EachSide"/>), which also removes what sets research statements apart
/// from expertise statements as kinds of writing ("I want to…" against "I work on…");</item>
/// <item>closest pairs: instead of every sentence's best match, only the closest sentence pair of the two texts, or the
/// mean of the <see cref="ClosestPairsCounted"/> closest pairs, counts (<see cref="SentencePairing"/>).</item>
/// </list>
/// </summary>
public sealed record SemanticMethod(string Name, bool BySentence, bool Symmetric, Centring Centring, bool WholeTextToo = false,
    SentencePairing Pairing = SentencePairing.BestMatchMean)
{
    /// <summary>The pairs <see cref="SentencePairing.ClosestPairsMean"/> averages.</summary>
    public const int ClosestPairsCounted = 3;

    public static readonly SemanticMethod WholeText = new("whole text", BySentence: false, Symmetric: false, Centring.None);
    public static readonly SemanticMethod WholeTextCentred = new("whole text, centred", BySentence: false, Symmetric: false, Centring.Corpus);
    public static readonly SemanticMethod WholeTextCentredEachSide = new("whole text, each side centred", BySentence: false, Symmetric: false, Centring.EachSide);
    public static readonly SemanticMethod BestMatch = new("sentences, best match", BySentence: true, Symmetric: false, Centring.None);
    public static readonly SemanticMethod BestMatchCentred = new("sentences, best match, centred", BySentence: true, Symmetric: false, Centring.Corpus);
    public static readonly SemanticMethod BestMatchCentredEachSide = new("sentences, best match, each side centred", BySentence: true, Symmetric: false, Centring.EachSide);
    public static readonly SemanticMethod SymmetricBestMatch = new("sentences, symmetric best match", BySentence: true, Symmetric: true, Centring.None);
    public static readonly SemanticMethod SymmetricBestMatchCentred = new("sentences, symmetric best match, centred", BySentence: true, Symmetric: true, Centring.Corpus);
    public static readonly SemanticMethod SymmetricBestMatchCentredEachSide = new("sentences, symmetric best match, each side centred", BySentence: true, Symmetric: true, Centring.EachSide);

    public static readonly SemanticMethod SymmetricWithWholeCentredEachSide = new("sentences and whole text, symmetric best match, each side centred", BySentence: true, Symmetric: true, Centring.EachSide, WholeTextToo: true);

    public static readonly SemanticMethod ClosestPair = new("sentences, closest pair", BySentence: true, Symmetric: false, Centring.None, Pairing: SentencePairing.ClosestPair);
    public static readonly SemanticMethod ClosestPairCentredEachSide = new("sentences, closest pair, each side centred", BySentence: true, Symmetric: false, Centring.EachSide, Pairing: SentencePairing.ClosestPair);
    public static readonly SemanticMethod ClosestPairsMean = new("sentences, mean of 3 closest pairs", BySentence: true, Symmetric: false, Centring.None, Pairing: SentencePairing.ClosestPairsMean);
    public static readonly SemanticMethod ClosestPairsMeanCentred = new("sentences, mean of 3 closest pairs, centred", BySentence: true, Symmetric: false, Centring.Corpus, Pairing: SentencePairing.ClosestPairsMean);
    public static readonly SemanticMethod ClosestPairsMeanCentredEachSide = new("sentences, mean of 3 closest pairs, each side centred", BySentence: true, Symmetric: false, Centring.EachSide, Pairing: SentencePairing.ClosestPairsMean);

    public static IReadOnlyList<SemanticMethod> All { get; } =
    [
        WholeText, WholeTextCentred, WholeTextCentredEachSide, BestMatch, BestMatchCentred, BestMatchCentredEachSide,
        SymmetricBestMatch, SymmetricBestMatchCentred, SymmetricBestMatchCentredEachSide, SymmetricWithWholeCentredEachSide,
        ClosestPair, ClosestPairCentredEachSide, ClosestPairsMean, ClosestPairsMeanCentred, ClosestPairsMeanCentredEachSide,
    ];

    /// <summary>What this method embeds of <paramref name="text"/>: its sentences, the whole text, or both; nothing of a blank text.</summary>
    public IReadOnlyList<string> UnitsOf(string text)
    {
        IReadOnlyList<string> whole = string.IsNullOrWhiteSpace(text) ? [] : [text.Trim()];
        return !BySentence ? whole : WholeTextToo ? [.. SentenceSplitter.Split(text).Union(whole)] : SentenceSplitter.Split(text);
    }

    /// <summary>The method the app uses: the best on the evaluation set (docs/affinity.md has the table).</summary>
    public static SemanticMethod Chosen => SymmetricBestMatchCentredEachSide;
}

/// <summary>Which mean vector a method subtracts before comparing.</summary>
public enum Centring
{
    None,

    /// <summary>The mean of every text in play, items and reviewers together.</summary>
    Corpus,

    /// <summary>The items' mean from the items, the reviewers' mean from the reviewers.</summary>
    EachSide,
}

/// <summary>How a sentence-level method turns the cosines of two texts' sentence pairs into one score.</summary>
public enum SentencePairing
{
    /// <summary>Each sentence's closest match in the other text, averaged over the sentences (both ways when symmetric).</summary>
    BestMatchMean,

    /// <summary>The single closest pair of sentences.</summary>
    ClosestPair,

    /// <summary>The mean of the <see cref="SemanticMethod.ClosestPairsCounted"/> closest pairs (all of them when there are fewer).</summary>
    ClosestPairsMean,
}
