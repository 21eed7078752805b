namespace Cohort.Core.Artifacts;

/// <summary>
/// The licences an artifact may carry: the SPDX identifiers research outputs use most, and "other" for anything else
/// (the artifact's own page or repository then says which). A short list keeps the showcase's licences comparable.
/// </summary>
public static class Licences
{
    public const string Other = "other";

    public static IReadOnlyList<(string Id, string Name)> All { get; } =
    [
        ("CC-BY-4.0", "Creative Commons Attribution 4.0"),
        ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0"),
        ("CC0-1.0", "Creative Commons Zero 1.0 (public domain)"),
        ("MIT", "MIT License"),
        ("Apache-2.0", "Apache License 2.0"),
        ("BSD-3-Clause", "BSD 3-Clause License"),
        ("GPL-3.0-only", "GNU General Public License 3.0"),
        (Other, "Another licence"),
    ];

    public static bool IsKnown(string id) => All.Any(l => l.Id == id);

    public static string NameOf(string id) => All.FirstOrDefault(l => l.Id == id).Name ?? id;
}
