namespace Cohort.EndToEnd.Infrastructure;

/// <summary>A browser window size every journey is walked at: a laptop's and a phone's.</summary>
public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 900);

    public static readonly Viewport Phone = new("phone", 390, 844);

    /// <summary>The viewport by name, for theory data: [InlineData("desktop")] [InlineData("phone")].</summary>
    public static Viewport Named(string name) => name switch
    {
        "desktop" => Desktop,
        "phone" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected desktop or phone."),
    };

    public override string ToString() => $"{Name} ({Width}x{Height})";
}
