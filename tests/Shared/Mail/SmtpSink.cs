using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cohort.Tests.Shared;

/// <summary>
/// An SMTP server on a loopback port, in the test process, that keeps every message delivered to it: the mail server
/// the app (or every instance of a deployment) sends to, so a test can tell a message sent once from one sent twice.
/// </summary>
public sealed class SmtpSink : MessageStore, IAsyncDisposable
{
    /// <summary>Mail to this domain is refused at RCPT TO, as a server refuses a mailbox it does not know: a failed attempt, to be tried again.</summary>
    public const string RefusingDomain = "refused.example.net";

    private readonly CancellationTokenSource stop = new();

    public SmtpSink()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        services.Add(new DelegatingMailboxFilter((to, _) => !string.Equals(to.Host, RefusingDomain, StringComparison.OrdinalIgnoreCase)));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Delivered { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Delivered.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
    }
}
