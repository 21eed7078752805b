using System.Globalization;
using System.Text.RegularExpressions;

namespace Cohort.Core.Review;

/// <summary>What one point of a criterion's scale means, e.g. 1: "no evidence of the skill".</summary>
public sealed record RubricAnchor(int Point, string Text);

/// <summary>The checks a rubric criterion must pass before reviewers can score with it, and its anchors read from text.</summary>
public static partial class RubricRules
{
    /// <summary>The widest scale allowed: a hundred radio buttons is already more than anyone can use.</summary>
    public const int MaxScaleSpan = 100;

    /// <summary>The anchors of <paramref name="criterion"/> that parse, in scale order; lines that do not are left out.</summary>
    public static IReadOnlyList<RubricAnchor> Anchors(RubricCriterion criterion) =>
        ReadAnchors(criterion.AnchorsText).Select(a => a.Anchor).OfType<RubricAnchor>().OrderBy(a => a.Point).ToList();

    /// <summary>Every problem of a criterion, each with the name of the field to fix.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(RubricCriterion criterion)
    {
        if (string.IsNullOrWhiteSpace(criterion.Name))
        {
            yield return (nameof(RubricCriterion.Name), "Give the criterion a name.");
        }

        var scaleOk = criterion.ScaleMin < criterion.ScaleMax && criterion.ScaleMax - criterion.ScaleMin <= MaxScaleSpan;
        if (!scaleOk)
        {
            yield return (nameof(RubricCriterion.ScaleMax), $"The scale's maximum must be above its minimum, and at most {MaxScaleSpan} points above it.");
        }

        if (!(criterion.Weight > 0) || double.IsInfinity(criterion.Weight))
        {
            yield return (nameof(RubricCriterion.Weight), "The weight must be a number above 0.");
        }

        var seen = new HashSet<int>();
        foreach (var (line, anchor) in ReadAnchors(criterion.AnchorsText))
        {
            if (anchor is null)
            {
                yield return (nameof(RubricCriterion.AnchorsText), $"“{line}” is not an anchor: write one a line as “N: what a score of N means”.");
            }
            else if (scaleOk && (anchor.Point < criterion.ScaleMin || anchor.Point > criterion.ScaleMax))
            {
                yield return (nameof(RubricCriterion.AnchorsText), $"The anchor for {anchor.Point} is outside the scale {criterion.ScaleMin}–{criterion.ScaleMax}.");
            }
            else if (!seen.Add(anchor.Point))
            {
                yield return (nameof(RubricCriterion.AnchorsText), $"{anchor.Point} has two anchors; give each point one.");
            }
        }
    }

    private static IEnumerable<(string Line, RubricAnchor? Anchor)> ReadAnchors(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
            AnchorLine().Match(line) is { Success: true } match
            && int.TryParse(match.Groups["point"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var point)
                ? (line, new RubricAnchor(point, match.Groups["text"].Value.Trim()))
                : (line, (RubricAnchor?)null));

    [GeneratedRegex(@"^(?<point>-?\d{1,4})\s*:\s*(?<text>\S.*)$")]
    private static partial Regex AnchorLine();
}
