using System.Net;
using System.Net.Sockets;
using SmtpServer;

namespace Cohort.Cli.Tests.Operations;

/// <summary>An SMTP server on a loopback port in the test process, for `cohort doctor` to greet.</summary>
public sealed class ListeningSmtp : IDisposable
{
    private readonly CancellationTokenSource stop = new();

    public ListeningSmtp()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        _ = new SmtpServer.SmtpServer(options, new SmtpServer.ComponentModel.ServiceProvider()).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
