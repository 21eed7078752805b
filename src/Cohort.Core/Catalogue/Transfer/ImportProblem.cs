namespace Cohort.Core.Catalogue.Transfer;

/// <summary>One thing wrong with an import file, located by JSON path or CSV line so the author can find it.</summary>
public sealed record ImportProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>Says where a field of the n-th record sits in the source file (a JSON path, or a CSV line and column).</summary>
public delegate string Locator(int index, string field);
