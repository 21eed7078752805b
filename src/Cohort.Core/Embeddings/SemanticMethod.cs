namespace Cohort.Core.Embeddings;

/// <summary>
/// One way to turn embeddings into a similarity of two texts, each measured on the evaluation set (docs/affinity.md):
/// <list type="bullet">
/// <item>whole texts: the cosine of the two texts' vectors;</item>
/// <item>best match: each sentence of the item is matched with its closest sentence of the other text, and the
/// cosines are averaged over the item's sentences; symmetric averages that with the same the other way round;</item>
/// <item>centred: every vector first has the mean vector of the texts in play subtracted (and is scaled back to unit
/// length), which removes what all research statements share and leaves what tells them apart.</item>
/// </list>
/// </summary>
public sealed record SemanticMethod(string Name, bool BySentence, bool Symmetric, bool Centred)
{
    public static readonly SemanticMethod WholeText = new("whole text", BySentence: false, Symmetric: false, Centred: false);
    public static readonly SemanticMethod WholeTextCentred = new("whole text, centred", BySentence: false, Symmetric: false, Centred: true);
    public static readonly SemanticMethod BestMatch = new("sentences, best match", BySentence: true, Symmetric: false, Centred: false);
    public static readonly SemanticMethod BestMatchCentred = new("sentences, best match, centred", BySentence: true, Symmetric: false, Centred: true);
    public static readonly SemanticMethod SymmetricBestMatch = new("sentences, symmetric best match", BySentence: true, Symmetric: true, Centred: false);
    public static readonly SemanticMethod SymmetricBestMatchCentred = new("sentences, symmetric best match, centred", BySentence: true, Symmetric: true, Centred: true);

    public static IReadOnlyList<SemanticMethod> All { get; } =
        [WholeText, WholeTextCentred, BestMatch, BestMatchCentred, SymmetricBestMatch, SymmetricBestMatchCentred];

    /// <summary>The method the app uses: the best on the evaluation set (docs/affinity.md has the table).</summary>
    public static SemanticMethod Chosen => BestMatchCentred;
}
