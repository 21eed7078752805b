using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Cohort.Benchmarks.Applications;

/// <summary>
/// One applicant's browser, over a client shared by all (one connection pool, as many browsers behind one proxy are):
/// its own cookies, its own address (sent as X-Forwarded-For, as nginx does), and the antiforgery token of the page it
/// last opened. Answers what the server said and how long it took.
/// </summary>
internal sealed partial class SurgeBrowser(HttpClient client, string address)
{
    private readonly Dictionary<string, string> cookies = [];

    public string? Token { get; private set; }

    public sealed record Answer(HttpStatusCode Status, double Milliseconds, string? Location, string Body);

    /// <summary>Opens a page and keeps its form's antiforgery token.</summary>
    public async Task<Answer> OpenAsync(string path)
    {
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        Token = TokenField().Match(answer.Body) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : Token;
        return answer;
    }

    /// <summary>Posts a form with the page's token, as the browser's form or fetch does.</summary>
    public Task<Answer> PostAsync(string path, HttpContent content, bool json = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return SendAsync(request);
    }

    public static FormUrlEncodedContent Form(string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        new(fields.Prepend(new("__RequestVerificationToken", token)));

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", address);
        lock (cookies)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Keep(response);
        request.Dispose();
        return new(response.StatusCode, elapsed, response.Headers.Location?.ToString(), body);
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        lock (cookies)
        {
            foreach (var header in headers)
            {
                var pair = header.Split(';', 2)[0];
                var name = pair.Split('=', 2)[0];
                var value = pair.Length > name.Length ? pair[(name.Length + 1)..] : "";
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();
}
