using System.Text.Json;
using Cohort.Cli.Matching;
using Cohort.Core.Review;

namespace Cohort.Cli.Review;

/// <summary>
/// Writes what <c>cohort calibrate</c> found (docs/calibration.md): the items in score order (calibrated, highest
/// first; ties in input order), the reviewers in input order, the variances and the diagnostics, every number on the
/// score's own scale rounded to <see cref="Decimals"/> places.
/// </summary>
internal static class CalibrationResultWriter
{
    /// <summary>Far finer than any review scale or standard error, and short enough to read.</summary>
    private const int Decimals = 4;

    public static void Write(ReviewSheet sheet, CalibrationResult result)
    {
        using var json = ResultJson.OpenForText();
        var writer = json.Writer;
        writer.WriteStartArray("items");
        foreach (var score in result.Subjects.Values.OrderByDescending(s => s.Calibrated).ThenBy(s => s.Subject))
        {
            writer.WriteStartObject();
            writer.WriteString("id", sheet.Items[score.Subject]);
            Number(writer, "calibrated", score.Calibrated);
            Number(writer, "se", score.StandardError);
            Number(writer, "raw", score.RawMean);
            writer.WriteNumber("reviews", score.ReviewCount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reviewers");
        foreach (var reviewer in sheet.Reviewers)
        {
            writer.WriteStartObject();
            writer.WriteString("id", reviewer);
            Number(writer, "leniency", result.Leniency[reviewer]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("variances");
        Number(writer, "applicant", result.Variances.Applicant);
        Number(writer, "reviewer", result.Variances.Reviewer);
        Number(writer, "topic", result.Variances.Topic);
        Number(writer, "residual", result.Variances.Residual);
        writer.WriteEndObject();
        WriteDiagnostics(writer, result.Diagnostics);
    }

    private static void WriteDiagnostics(Utf8JsonWriter writer, CalibrationDiagnostics diagnostics)
    {
        writer.WriteStartObject("diagnostics");
        writer.WriteStartArray("components");
        foreach (var component in diagnostics.Components)
        {
            writer.WriteStartObject();
            writer.WriteNumber("items", component.Subjects);
            writer.WriteNumber("reviewers", component.Reviewers);
            writer.WriteNumber("reviews", component.Reviews);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Number(writer, "bridgingShare", diagnostics.BridgingShare);
        writer.WriteStartArray("topics");
        foreach (var topic in diagnostics.Topics)
        {
            writer.WriteStartObject();
            writer.WriteString("topic", topic.Topic);
            writer.WriteNumber("component", topic.Component);
            writer.WriteNumber("items", topic.Subjects);
            writer.WriteNumber("reviews", topic.Reviews);
            Number(writer, "rawMean", topic.RawMean);
            Number(writer, "effect", topic.Effect);
            Number(writer, "se", topic.StandardError);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in diagnostics.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Null stays null (what the reviews cannot tell); adding 0.0 turns a rounded −0 into 0.</summary>
    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, Math.Round(number, Decimals) + 0.0);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
