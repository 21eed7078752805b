using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cohort.Core.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;

namespace Cohort.Web.Api.V1;

/// <summary>
/// <c>Idempotency-Key</c> on every <c>/api/v1</c> write: the first request with a key runs and its answer is kept for
/// 24 hours; a repeat with the same key, method, path and body gets that answer again with
/// <c>Idempotent-Replayed: true</c> and writes nothing; the same key with another request is a 422. A write without the
/// header runs as sent. See docs/decisions/api.md.
/// </summary>
public static class ApiIdempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteGroupBuilder WithIdempotencyKeys(this RouteGroupBuilder api)
    {
        // The body is bound before any filter runs, so the filter can hash it only if it can be read a second time.
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                if (IsWrite(http.Request.Method))
                {
                    http.Request.EnableBuffering();
                }

                return inner(http);
            };
        });
        return api.AddEndpointFilter(FilterAsync);
    }

    /// <summary>Adds the optional header, and the answers it can give, to a write's operation in the OpenAPI document.</summary>
    public static void Describe(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Header,
            In = ParameterLocation.Header,
            Description = "Optional, 1 to 255 printable ASCII characters (a UUID): a repeat of this request with the same key within 24 hours gets the first answer again, with `Idempotent-Replayed: true`, and writes nothing.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotentRequest.KeyLength },
        });
        operation.Responses ??= [];
        operation.Responses.TryAdd("409", new OpenApiResponse { Description = "The first request with this Idempotency-Key is still running (or the rows changed meanwhile): retry." });
        operation.Responses.TryAdd("422", new OpenApiResponse { Description = "This Idempotency-Key was used for another request." });
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsWrite(http.Request.Method) || http.Request.Headers[Header].ToString() is not { Length: > 0 } key)
        {
            return await next(context);
        }

        if (key.Length > IdempotentRequest.KeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Header] = [$"must be 1 to {IdempotentRequest.KeyLength} printable ASCII characters; a UUID is a good key."] },
                title: "The Idempotency-Key header is not valid.");
        }

        var keys = http.RequestServices.GetRequiredService<IdempotencyKeys>();
        var tokenId = int.Parse(http.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim)!, CultureInfo.InvariantCulture);
        var path = $"{http.Request.Path}{http.Request.QueryString}";
        var claim = await keys.ClaimAsync(tokenId, key, http.Request.Method, path, await HashBodyAsync(http.Request), http.RequestAborted);
        return claim switch
        {
            IdempotencyClaim.Replay replay => new StoredAnswer(replay.Status, replay.ContentType, replay.Body, Replayed: true),
            IdempotencyClaim.Mismatch => TypedResults.Problem(
                title: "This Idempotency-Key was used for another request.",
                detail: "A key names one request: the same method, path and body. Send a new key for a new request.",
                statusCode: StatusCodes.Status422UnprocessableEntity),
            IdempotencyClaim.StillRunning => StillRunning(http),
            IdempotencyClaim.First first => await RunOnceAsync(context, next, keys, first.Id),
            _ => throw new InvalidOperationException($"Unknown claim {claim}."),
        };
    }

    /// <summary>Runs the write and keeps its answer; a server error or an exception forgets the key, so a retry runs again.</summary>
    private static async Task<object?> RunOnceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, IdempotencyKeys keys, int id)
    {
        var http = context.HttpContext;
        StoredAnswer answer;
        try
        {
            var result = await next(context);
            answer = await CaptureAsync(http, result as IResult ?? TypedResults.Ok(result));
        }
        catch
        {
            await keys.ReleaseAsync(id);
            throw;
        }

        if (answer.Status >= StatusCodes.Status500InternalServerError)
        {
            await keys.ReleaseAsync(id);
        }
        else
        {
            await keys.CompleteAsync(id, answer.Status, answer.ContentType, answer.Body, CancellationToken.None);
        }

        return answer;
    }

    /// <summary>Writes <paramref name="result"/> into memory instead of the response, to keep what it says.</summary>
    private static async Task<StoredAnswer> CaptureAsync(HttpContext http, IResult result)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        return new StoredAnswer(http.Response.StatusCode, http.Response.ContentType, Encoding.UTF8.GetString(buffer.ToArray()), Replayed: false);
    }

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    private static IResult StillRunning(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            title: "The first request with this Idempotency-Key is still running.",
            detail: "Send it again in a moment to get its answer.",
            statusCode: StatusCodes.Status409Conflict);
    }

    /// <summary>An answer kept for an Idempotency-Key: its status, content type and body.</summary>
    private sealed record StoredAnswer(int Status, string? ContentType, string Body, bool Replayed) : IResult, IStatusCodeHttpResult
    {
        int? IStatusCodeHttpResult.StatusCode => Status;

        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = Status;
            http.Response.ContentType = ContentType;
            if (Replayed)
            {
                http.Response.Headers[ReplayedHeader] = "true";
            }

            return http.Response.WriteAsync(Body, Encoding.UTF8);
        }
    }
}
