namespace Cohort.Core.Exports;

/// <summary>Who an export is written for (docs/decisions/exports.md).</summary>
public enum ExportView
{
    /// <summary>The admin's view: names, emails, identity-flagged answers and file names as stored.</summary>
    Identified,

    /// <summary>The reviewer's view, for a funder or a researcher: the season's blind settings applied, applicants known by id only.</summary>
    Blind,
}

public enum ExportFormat
{
    Csv,
    Json,
}

/// <summary>
/// What to export: a season, the view, and for a kind that can narrow to one stream, the stream. <paramref name="OverApi"/>
/// is set when the file leaves through <c>/api/v1</c>, which serves only what is public of a concept that has a public
/// rule: the artifacts kind then holds the showcase's artifacts alone (docs/decisions/exports.md).
/// </summary>
public sealed record ExportRequest(int SeasonId, ExportView View, int? StreamId = null, bool OverApi = false);

/// <summary>The words the UI, the CLI and the API accept for views and formats, and their one-line refusals.</summary>
public static class ExportWords
{
    public static string Name(ExportView view) => view == ExportView.Blind ? "blind" : "identified";

    public static string Name(ExportFormat format) => format == ExportFormat.Json ? "json" : "csv";

    /// <summary>The view named <paramref name="text"/>; null (absent) is identified, the admin's and the CLI's default.</summary>
    public static (ExportView View, string? Problem) View(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "identified" => (ExportView.Identified, null),
        "blind" => (ExportView.Blind, null),
        _ => (ExportView.Identified, $"Unknown view \"{text}\": use identified or blind."),
    };

    /// <summary>The format named <paramref name="text"/>; null (absent) is CSV.</summary>
    public static (ExportFormat Format, string? Problem) Format(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => (ExportFormat.Csv, null),
        "json" => (ExportFormat.Json, null),
        _ => (ExportFormat.Csv, $"Unknown format \"{text}\": use csv or json."),
    };
}
