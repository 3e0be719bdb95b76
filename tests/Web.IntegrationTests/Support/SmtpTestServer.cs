using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// A real SMTP server in the test process, on a free port of 127.0.0.1: the app's mail goes to it over
/// the wire, and the tests read what arrived. It can be stopped and started again on the same port, and
/// refuses recipients whose address starts with <see cref="RejectedPrefix"/> with a permanent 550.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string RejectedPrefix = "nobody-";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public SmtpTestServer() => Port = LoopbackPort.Free();

    public int Port { get; }

    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>Set before <see cref="Start"/>: the server then takes mail only after AUTH with these.</summary>
    public (string Username, string Password)? RequiredLogin { get; init; }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(RequiredLogin is not null)
                .AllowUnsecureAuthentication(RequiredLogin is not null))
            .Build();
        var services = new ServiceProvider();
        if (RequiredLogin is { } login)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == login.Username && password == login.Password));
        }

        services.Add(new Store(_received));
        services.Add(new RejectingFilter());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops listening; connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask;
        await _running!;
        _server = null;
    }

    /// <summary>The first mail to <paramref name="to"/> (and matching <paramref name="where"/>) that arrived.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, Func<MimeMessage, bool>? where = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var mail = MailTo(to).FirstOrDefault(m => where?.Invoke(m) ?? true);
            if (mail is not null)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {to} arrived within {(timeout ?? DefaultWait).TotalSeconds} s.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Every mail to <paramref name="to"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string to) =>
        _received.Where(r => r.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    public sealed record ReceivedMail(IReadOnlyList<string> Recipients, MimeMessage Message);

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RejectingFilter : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith(RejectedPrefix, StringComparison.OrdinalIgnoreCase));
    }
}
