using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Cohort.Web.Api.V1;

/// <summary>
/// Reads a write's JSON body strictly (no unknown fields, no nulls where a value is required) and turns every way it
/// can be wrong into a 400 ProblemDetails whose <c>errors</c> are keyed by the field's JSON path (<c>items[3].email</c>),
/// the body itself being <c>$</c>. Endpoints read their body here rather than binding it, because a binding failure
/// answers an empty 400 before any code of ours runs; they declare the body's schema with <see cref="AcceptsJson{T}"/>.
/// </summary>
public static partial class ApiBody
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Describes the JSON body <typeparamref name="T"/> in the OpenAPI document. Not <c>Accepts</c>: its metadata makes
    /// routing answer 415 to another content type before authentication, so a caller without a token would learn about
    /// the body before being told to authenticate.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellation) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellation) } },
            });

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellation)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Strict, cancellation);
            return value is null ? (null, Invalid("$", "The body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Explain(e));
        }
    }

    /// <summary>A 400 validation problem from errors keyed by JSON path (<c>$.items[3].email</c> or <c>items[3].email</c>).</summary>
    public static ValidationProblem Invalid(IEnumerable<(string Path, string Message)> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => Key(e.Path), e => e.Message).ToDictionary(g => g.Key, g => g.ToArray()),
            title: "The request's body is not valid.");

    public static ValidationProblem Invalid(string path, string message) => Invalid([(path, message)]);

    /// <summary>A path as the errors name it: <c>$.items[3].email</c> becomes <c>items[3].email</c>; the body stays <c>$</c>.</summary>
    public static string Key(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // The serializer's messages name .NET types and end with a position in its own words; say instead what the
    // field should hold, at the field's path.
    private static ValidationProblem Explain(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message;
        if (MissingFields().Match(message) is { Success: true } missing)
        {
            return Invalid(Quoted().Matches(missing.Groups[1].Value).Select(m => ($"{path}.{m.Groups[1].Value}", "is required.")));
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return Invalid(path, "is not a field of this request.");
        }

        if (message.Contains("null", StringComparison.Ordinal) && message.Contains("allow", StringComparison.Ordinal))
        {
            return Invalid(path, "may not be null.");
        }

        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return Invalid(path, $"has the wrong type: expected {Expected(converted.Groups[1].Value)}.");
        }

        var position = $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}";
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        return Invalid("$", $"The body is not valid JSON at {position}: {(pathAt > 0 ? message[..pathAt] : message)}");
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.String" => "text in double quotes",
        "System.DateOnly" => "a date such as \"2027-06-07\"",
        "System.DateTime" or "System.DateTimeOffset" => "a UTC date and time such as \"2027-01-11T09:00:00Z\"",
        _ when type.StartsWith("System.Collections", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list in square brackets",
        _ => "an object in curly braces",
    };

    [GeneratedRegex("missing required properties,? including:? (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingFields();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path")]
    private static partial Regex ConvertedTo();
}
