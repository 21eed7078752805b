namespace Cohort.Core.Preferences;

/// <summary>One line of a submitted preferences form: an application, its rank (blank allowed), a not-acceptable mark and a note.</summary>
public sealed record PreferenceRow(int StreamApplicationId, int? Position, bool NotAcceptable = false, string Note = "");

/// <summary>The checks every submitted list of preferences passes before anything is saved.</summary>
public static class PreferenceRules
{
    /// <summary>
    /// Why <paramref name="rows"/> cannot be saved, or null. <paramref name="allowed"/> are the applications the
    /// preferences may name; <paramref name="stranger"/> words the refusal of any other.
    /// </summary>
    public static string? Check(IReadOnlyList<PreferenceRow> rows, IReadOnlySet<int> allowed, string stranger)
    {
        if (rows.Any(r => !allowed.Contains(r.StreamApplicationId)))
        {
            return stranger + " Nothing was saved.";
        }

        if (rows.Select(r => r.StreamApplicationId).Distinct().Count() != rows.Count)
        {
            return "The ranking names the same application twice. Nothing was saved.";
        }

        var positions = rows.Where(r => r.Position is not null).Select(r => r.Position!.Value).Order().ToList();
        if (!positions.SequenceEqual(Enumerable.Range(1, positions.Count)))
        {
            return $"Ranks must be the numbers 1 to {positions.Count}, each used once; you gave {string.Join(", ", positions)}. Nothing was saved.";
        }

        return null;
    }

    /// <summary>
    /// The rows shared preferences store, in their order: the ranked ones by rank, then those marked not acceptable
    /// without a rank, in the order listed (they go below everyone ranked). Rows with neither are left out.
    /// </summary>
    public static List<PreferenceRow> InStoredOrder(IReadOnlyList<PreferenceRow> rows)
    {
        var ordered = rows.Where(r => r.Position is not null).OrderBy(r => r.Position).ToList();
        ordered.AddRange(rows.Where(r => r.Position is null && r.NotAcceptable));
        return ordered;
    }

    /// <summary>Preferences in one line for the audit log, best first: "1. #12, 2. #9 (not acceptable)".</summary>
    public static string Summary(IEnumerable<(int StreamApplicationId, int? Position, bool NotAcceptable)> rows)
    {
        var lines = rows.OrderBy(r => r.Position ?? int.MaxValue).ThenBy(r => r.StreamApplicationId)
            .Select(r => $"{(r.Position is { } p ? $"{p}. " : "")}#{r.StreamApplicationId}{(r.NotAcceptable ? " (not acceptable)" : "")}")
            .ToList();
        return lines.Count == 0 ? "empty" : string.Join(", ", lines);
    }
}
