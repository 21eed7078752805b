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
        Objects(writer, "items", result.Subjects.Values.OrderByDescending(s => s.Calibrated).ThenBy(s => s.Subject), score =>
        {
            writer.WriteString("id", sheet.Items[score.Subject]);
            Number(writer, "calibrated", score.Calibrated);
            Number(writer, "se", score.StandardError);
            Number(writer, "raw", score.RawMean);
            writer.WriteNumber("reviews", score.ReviewCount);
            // How far its reviewers disagree once their leniency is out: the score table flags a spread over 3 points
            // on 0–10; on any other scale the reader judges it.
            Number(writer, "spread", score.Spread);
        });
        Objects(writer, "reviewers", sheet.Reviewers, reviewer =>
        {
            writer.WriteString("id", reviewer);
            Number(writer, "leniency", result.Leniency[reviewer]);
        });
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
        Objects(writer, "components", diagnostics.Components, component =>
        {
            writer.WriteNumber("items", component.Subjects);
            writer.WriteNumber("reviewers", component.Reviewers);
            writer.WriteNumber("reviews", component.Reviews);
        });
        Number(writer, "bridgingShare", diagnostics.BridgingShare);
        Objects(writer, "topics", diagnostics.Topics, topic =>
        {
            writer.WriteString("topic", topic.Topic);
            writer.WriteNumber("component", topic.Component);
            writer.WriteNumber("items", topic.Subjects);
            writer.WriteNumber("reviews", topic.Reviews);
            Number(writer, "rawMean", topic.RawMean);
            Number(writer, "effect", topic.Effect);
            Number(writer, "se", topic.StandardError);
        });
        writer.WriteStartArray("warnings");
        foreach (var warning in diagnostics.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>An array named <paramref name="name"/> of one object per value, its fields written by <paramref name="fields"/>.</summary>
    private static void Objects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> values, Action<T> fields)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStartObject();
            fields(value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
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
