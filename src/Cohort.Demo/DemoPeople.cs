namespace Cohort.Demo;

/// <summary>
/// Fictional names and words for the demo season's applicants and reviewers: combined deterministically, so every
/// run of the demo shows the same people.
/// </summary>
internal static class DemoPeople
{
    private static readonly string[] GivenNames =
    [
        "Amara", "Bastian", "Chidi", "Dalia", "Emeric", "Farah", "Gideon", "Hanne", "Ilario", "Jelena", "Kofi", "Liesel",
        "Marisol", "Nikolai", "Odile", "Pavan", "Quilla", "Rosalind", "Soren", "Tamsin", "Ulrike", "Vikram", "Wren", "Ximena",
    ];

    private static readonly string[] FamilyNames =
    [
        "Abernathy", "Brandvold", "Castellanos", "Dorosz", "Ekwueme", "Fairweather", "Grünewald", "Halloran", "Ishikawa",
        "Jovanović", "Kellerman", "Lindqvist", "Marchetti", "Nakamura", "Oyelaran", "Petrakis",
    ];

    public static string Name(int index) => $"{GivenNames[index % GivenNames.Length]} {FamilyNames[(index * 7 + index / GivenNames.Length) % FamilyNames.Length]}";

    /// <summary>Where applicants study or work; none is a demo reviewer's organisation, so the demo round has no conflicts.</summary>
    private static readonly string[] Organisations = ["University of Tarrow", "Brightwater College", "Quillfeather AI", "", "Open Source Collective", "Meridian Health Analytics"];

    public static string Organisation(int index) => Organisations[index % Organisations.Length];

    /// <summary>Sentences of motivation, from which each applicant's answer takes three.</summary>
    private static readonly string[] Motivations =
    [
        "I spent two years building recommendation systems and kept finding behaviour nobody had asked for.",
        "A reading group on deceptive alignment changed what I think the hard problems are.",
        "I want to test whether monitoring protocols survive a model that knows it is monitored.",
        "My thesis measured how probes degrade under distribution shift, and I want to push that further.",
        "I care about evaluations that a lab cannot quietly game.",
        "I have shipped security tooling and want to point that habit of mind at frontier models.",
        "Mentored research is the fastest way I know to turn curiosity into results others can use.",
        "Now, because the window in which careful empirical work can shape deployment norms is short.",
    ];

    public static string Motivation(int index) =>
        string.Join(' ', Enumerable.Range(0, 3).Select(i => Motivations[(index + i * 3) % Motivations.Length]));
}
