using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Debian's nginx as the TLS-ending reverse proxy in front of the app, configured as the README tells operators
/// to: a child of the test, on a free 127.0.0.1 port, with its own config and a throwaway self-signed certificate
/// under a temporary folder, stopped by its process id.
/// </summary>
public sealed class Nginx : IDisposable
{
    private readonly string folder;
    private readonly Process process;

    private Nginx(string folder, Process process, int port)
    {
        this.folder = folder;
        this.process = process;
        Port = port;
    }

    /// <summary>The port nginx serves https on, at 127.0.0.1.</summary>
    public int Port { get; }

    public static async Task<Nginx> StartAsync(string serverName, Uri upstream)
    {
        var folder = Directory.CreateTempSubdirectory("cohort-nginx-").FullName;
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", $"/CN={serverName}", "-days", "1",
            "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"));
        var port = FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(folder, serverName, port, upstream));
        // Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
        var process = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            ArgumentList = { "-c", config, "-p", folder, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;" },
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start (apt-get install nginx-light).");
        var nginx = new Nginx(folder, process, port);
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    // The server block is the README's, with paths of its own so nothing under /etc or /var is needed.
    private static string Config(string folder, string serverName, int port, Uri upstream) => $$"""
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            server {
                listen 127.0.0.1:{{port}} ssl;
                server_name {{serverName}};
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                client_max_body_size 8m;
                location / {
                    proxy_pass {{upstream.GetLeftPart(UriPartial.Authority)}};
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
            }
        }
        """;

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {await errors}");
        }
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
