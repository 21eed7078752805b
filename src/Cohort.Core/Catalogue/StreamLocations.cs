namespace Cohort.Core.Catalogue;

/// <summary>The words people write for a stream's location, in files and forms.</summary>
public static class StreamLocations
{
    public static IReadOnlyList<string> Names { get; } = ["Remote", "In person", "Hybrid"];

    public static StreamLocation? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "remote" => StreamLocation.Remote,
        "in person" or "in-person" or "inperson" => StreamLocation.InPerson,
        "hybrid" => StreamLocation.Hybrid,
        _ => null,
    };

    public static string Name(StreamLocation location) => Names[(int)location];
}
