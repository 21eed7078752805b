namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// A linear map from data values to SVG coordinates, with round tick values (1, 2 or 5 times a power of ten) so an
/// axis reads 0, 50, 100 rather than 0, 47.3, 94.6.
/// </summary>
public sealed class Scale
{
    private readonly double from;
    private readonly double to;

    public Scale(double min, double max, double start, double end, int ticks = 5)
    {
        if (max <= min)
        {
            max = min + 1;
        }

        Step = NiceStep((max - min) / ticks);
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        (from, to) = (start, end);
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }

    /// <summary>The coordinate of <paramref name="value"/>.</summary>
    public double At(double value) => from + (value - Min) / (Max - Min) * (to - from);

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>, each a multiple of <see cref="Step"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        return Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + i * Step, 10));
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
