namespace Cohort.Core.Analytics.Assessments;

/// <summary>
/// How long the attempts at one assessment took, as a histogram: attempts handed in by minutes used, in bins of a
/// round width that split the time limit (or, without one, the longest attempt) into at most <see cref="MaxBins"/>,
/// then the attempts whose time ran out and were closed at their deadline.
/// </summary>
public sealed record TimeTaken(int BinMinutes, IReadOnlyList<(string Label, int Attempts)> Bins)
{
    public const int MaxBins = 12;
    public const string RanOut = "time ran out";

    private static readonly int[] RoundWidths = [1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480, 720, 1440];

    public static TimeTaken Of(AssessmentScores assessment)
    {
        var handedIn = assessment.Attempts.Where(a => a.HandedIn).Select(a => a.MinutesUsed).ToList();
        var span = assessment.TimeLimitMinutes > 0 ? assessment.TimeLimitMinutes : handedIn.DefaultIfEmpty(0).Max();
        var width = RoundWidths.FirstOrDefault(w => w * MaxBins >= span, (int)Math.Ceiling(span / MaxBins));
        var count = Math.Max(1, (int)Math.Ceiling(span / width));
        var counts = new int[count];
        foreach (var minutes in handedIn)
        {
            // An attempt handed in at the very limit (or, with no limit, the longest) belongs to the last bin.
            counts[Math.Clamp((int)(minutes / width), 0, count - 1)]++;
        }

        var bins = counts.Select((n, i) => ($"{i * width}–{(i + 1) * width} min", n)).ToList();
        bins.Add((RanOut, assessment.Attempts.Count(a => !a.HandedIn)));
        return new TimeTaken(width, bins);
    }
}
