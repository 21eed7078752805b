using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Debian's nginx as the TLS-ending reverse proxy in front of the app, configured with the site operators install
/// (deploy/nginx/cohort.conf): a child of the test, on free 127.0.0.1 ports, with a throwaway self-signed certificate
/// under a temporary folder, stopped by its process id. Only what ties the site to a real server is replaced:
/// the listening ports, the name, the certificate and the instances' addresses.
/// </summary>
public sealed partial class Nginx : IDisposable
{
    public const string SitePath = "deploy/nginx/cohort.conf";

    private readonly string folder;
    private readonly Process process;

    private Nginx(string folder, Process process, int port, int plainPort)
    {
        this.folder = folder;
        this.process = process;
        Port = port;
        PlainPort = plainPort;
    }

    /// <summary>The port nginx serves https on, at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The port of the site's plain-http server, which only redirects to https.</summary>
    public int PlainPort { get; }

    /// <param name="upstreams">The instances, in place of the site's 127.0.0.1:5001 and :5002.</param>
    /// <param name="port">The https port; a free one when not given (a test that must name its public address first gives it).</param>
    public static async Task<Nginx> StartAsync(string serverName, IReadOnlyList<Uri> upstreams, int? port = null)
    {
        var folder = Directory.CreateTempSubdirectory("cohort-nginx-").FullName;
        await Processes.RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", $"/CN={serverName}", "-days", "1",
            "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"));
        var https = port ?? FreePort();
        var plain = FreePort();
        var site = Site(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), SitePath)), folder, serverName, https, plain, upstreams);
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Around(folder, site));
        // Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
        var process = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            ArgumentList = { "-c", config, "-p", folder, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;" },
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start (apt-get install nginx-light).");
        var nginx = new Nginx(folder, process, https, plain);
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The site as operators install it, tied to this test's ports, certificate and instances.</summary>
    private static string Site(string site, string folder, string serverName, int https, int plain, IReadOnlyList<Uri> upstreams)
    {
        var instances = Instance().Matches(site);
        if (instances.Count == 0)
        {
            throw new InvalidOperationException($"{SitePath} names no instance (server 127.0.0.1:PORT ...;).");
        }

        // The site's instance lines give way to one line per upstream, each with the site's own parameters.
        var parameters = instances[0].Groups["parameters"].Value;
        var servers = string.Concat(upstreams.Select(u => $"    server {u.Authority}{parameters};\n"));
        site = Instance().Replace(site, match => match.Index == instances[0].Index ? servers : "");
        site = IPv6Listen().Replace(site, "");
        site = site.Replace("listen 443 ", $"listen 127.0.0.1:{https} ", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{plain};", StringComparison.Ordinal)
            .Replace("apply.example.org", serverName, StringComparison.Ordinal);
        site = Certificate().Replace(site, "ssl_certificate $1" + Path.Combine(folder, "cert.pem") + ";");
        return CertificateKey().Replace(site, "ssl_certificate_key $1" + Path.Combine(folder, "key.pem") + ";");
    }

    // What Debian's /etc/nginx/nginx.conf provides around a site, with paths of its own so nothing under /etc or /var is needed.
    private static string Around(string folder, string site) => $$"""
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
        {{site}}
        }
        """;

    [GeneratedRegex(@"^[ \t]*server 127\.0\.0\.1:\d+(?<parameters>[^;]*);[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex Instance();

    [GeneratedRegex(@"^[ \t]*listen \[::\]:[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex IPv6Listen();

    [GeneratedRegex(@"ssl_certificate(\s+)[^;]+;")]
    private static partial Regex Certificate();

    [GeneratedRegex(@"ssl_certificate_key(\s+)[^;]+;")]
    private static partial Regex CertificateKey();

    /// <summary>
    /// An HTTP client of the https site whose connections to nginx leave from <paramref name="localAddress"/> (all
    /// of 127.0.0.0/8 is this machine), so nginx, and through it the app, sees a client of that address.
    /// </summary>
    public HttpClient ClientFrom(string localAddress, string host) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        // The certificate is the test's own, self-signed.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = new Uri($"https://{host}:{Port}/"),
    };

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} {ErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nginx never listened on 127.0.0.1:{Port}. {ErrorLog()}");
    }

    private string ErrorLog()
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    /// <summary>Stops nginx (its master and workers, by process id) and removes its folder.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
