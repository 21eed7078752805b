namespace Cohort.Core.Jobs;

/// <summary>
/// A registered job: its name (the key of its lease row and of <c>Jobs:Periods</c>), what it does in words, and
/// the period it runs once in unless the settings say otherwise.
/// </summary>
public sealed record JobDefinition(string Name, string Title, TimeSpan DefaultPeriod, Type Type)
{
    public const int NameLength = 64;
}
