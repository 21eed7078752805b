namespace Cohort.Matching.Text;

/// <summary>
/// A noun in singular and plural: how a caller names one side of its problem (fellows, projects, reviewers...)
/// in the engine's sentences, which know the sides only as candidates and hosts, or left and right.
/// </summary>
public readonly record struct Noun(string Singular, string Plural)
{
    /// <summary>The singular with its indefinite article, "a fellow", "an intern" (by the first letter, enough for the nouns callers pass).</summary>
    public string WithArticle => ("aeiouAEIOU".Contains(Singular[0]) ? "an " : "a ") + Singular;

    /// <summary>The singular for a count of one, the plural otherwise.</summary>
    public string For(long count) => count == 1 ? Singular : Plural;
}
