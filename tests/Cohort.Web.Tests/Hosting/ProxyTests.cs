using System.Net;
using Microsoft.AspNetCore.Http;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// Requests as they arrive from a reverse proxy (the peer is the proxy) or straight from the internet (the peer is
/// the client), built on the test server so the peer's address can be set.
/// </summary>
public sealed class ProxyTests(HostedApp app) : IClassFixture<HostedApp>
{
    private const string Proxy = "127.0.0.1";

    private Task<HttpContext> SendAsync(string method, string path, string peer, string? forwardedFor = null, string? forwardedProto = null) =>
        app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(HostedApp.PublicHost);
            context.Request.Path = path;
            if (method == "POST")
            {
                context.Request.ContentType = "application/x-www-form-urlencoded";
            }

            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });

    private async Task<int> SignInAttemptAsync(string peer, string? forwardedFor = null) =>
        (await SendAsync("POST", "/account/sign-in", peer, forwardedFor)).Response.StatusCode;

    [Fact]
    public async Task Clients_behind_a_known_proxy_are_rate_limited_each_on_their_own_address()
    {
        for (var attempt = 0; attempt < HostedApp.AccountPermits; attempt++)
        {
            Assert.NotEqual(429, await SignInAttemptAsync(Proxy, "198.51.100.10"));
        }

        Assert.Equal(429, await SignInAttemptAsync(Proxy, "198.51.100.10"));
        Assert.NotEqual(429, await SignInAttemptAsync(Proxy, "198.51.100.11"));
    }

    [Fact]
    public async Task A_client_cannot_escape_its_limit_by_sending_its_own_x_forwarded_for()
    {
        for (var attempt = 0; attempt < HostedApp.AccountPermits; attempt++)
        {
            Assert.NotEqual(429, await SignInAttemptAsync("203.0.113.20", $"198.51.100.{attempt + 100}"));
        }

        Assert.Equal(429, await SignInAttemptAsync("203.0.113.20", "198.51.100.199"));
    }

    [Fact]
    public async Task An_address_a_client_puts_in_front_of_the_proxys_entry_is_not_believed()
    {
        // The proxy appends the address it saw; whatever the client wrote before it is only the client's claim.
        for (var attempt = 0; attempt < HostedApp.AccountPermits; attempt++)
        {
            Assert.NotEqual(429, await SignInAttemptAsync(Proxy, $"10.9.9.{attempt}, 198.51.100.30"));
        }

        Assert.Equal(429, await SignInAttemptAsync(Proxy, "10.9.9.99, 198.51.100.30"));
    }

    [Fact]
    public async Task Https_ended_at_a_known_proxy_gets_hsts_for_a_year_with_subdomains()
    {
        var context = await SendAsync("GET", "/streams", Proxy, "198.51.100.40", "https");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", context.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task X_forwarded_proto_from_a_peer_that_is_not_a_known_proxy_is_ignored()
    {
        var context = await SendAsync("GET", "/streams", "203.0.113.21", "198.51.100.41", "https");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Headers.StrictTransportSecurity.Count);
    }

    [Fact]
    public async Task The_rate_limit_answers_with_the_readable_page_and_when_to_come_back()
    {
        for (var attempt = 0; attempt <= HostedApp.AccountPermits; attempt++)
        {
            await SignInAttemptAsync(Proxy, "198.51.100.50");
        }

        var refused = await SendAsync("POST", "/account/sign-in", Proxy, "198.51.100.50");
        var page = await new StreamReader(refused.Response.Body).ReadToEndAsync();

        Assert.Equal(429, refused.Response.StatusCode);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
    }
}
