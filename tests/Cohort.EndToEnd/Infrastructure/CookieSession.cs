using System.Text.RegularExpressions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// One person's cookies, carried by hand from request to request, so one session can be sent to nginx over https
/// and to each instance directly over plain http (where a cookie container would withhold the Secure __Host- cookies).
/// </summary>
public sealed partial class CookieSession
{
    private readonly Dictionary<string, string> cookies = [];

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var line in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = line.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            cookies[pair[..equals]] = pair[(equals + 1)..];
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, HttpContent content) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

    /// <summary>The antiforgery token of the form on the page at <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        using var response = await GetAsync(client, path);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        return token.Success ? token.Groups[1].Value : throw new InvalidOperationException($"No form token on {path} ({(int)response.StatusCode}).");
    }

    /// <summary>Signs in on the sign-in page; the session is then signed in wherever its cookies are honoured.</summary>
    public async Task SignInAsync(HttpClient client, string email, string password)
    {
        var token = await FormTokenAsync(client, "account/sign-in");
        using var response = await PostAsync(client, "account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
