using Cohort.Core.Preferences;

namespace Cohort.Web.Pages.Shared;

/// <summary>One row of a preferences form as posted: plain fields, so the form works without JavaScript.</summary>
public sealed class PreferenceFormRow
{
    public int StreamApplicationId { get; set; }
    public int? Position { get; set; }
    public bool NotAcceptable { get; set; }
    public string? Note { get; set; }

    public const string NotWholeNumbers = "Ranks must be whole numbers (or left blank). Nothing was saved.";

    public static IReadOnlyList<PreferenceRow> ToPreferenceRows(IEnumerable<PreferenceFormRow> rows) =>
        rows.Select(r => new PreferenceRow(r.StreamApplicationId, r.Position, r.NotAcceptable, r.Note ?? "")).ToList();

    /// <summary>
    /// The stored rows for <paramref name="applicationIds"/>, with what was just posted laid over them, so a refused
    /// form comes back as the person typed it.
    /// </summary>
    public static List<PreferenceFormRow> Merge(IEnumerable<int> applicationIds, IReadOnlyDictionary<int, PreferenceFormRow> stored, IEnumerable<PreferenceFormRow> posted)
    {
        var typed = posted.GroupBy(r => r.StreamApplicationId).ToDictionary(g => g.Key, g => g.First());
        return applicationIds.Select(id => typed.GetValueOrDefault(id) ?? stored.GetValueOrDefault(id) ?? new PreferenceFormRow { StreamApplicationId = id }).ToList();
    }
}

/// <summary>
/// What the shared rows partial draws: the posted field names start with <see cref="Prefix"/>; <see cref="Labels"/>
/// name each application (an applicant for mentors, a stream for applicants).
/// </summary>
public sealed record PreferenceRowsView(string Prefix, IReadOnlyList<PreferenceFormRow> Rows, IReadOnlyDictionary<int, string> Labels, string Heading, bool Marks, bool Notes);
