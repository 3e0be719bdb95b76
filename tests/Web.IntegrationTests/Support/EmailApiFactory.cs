using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The app with mail on: it sends to an <see cref="SmtpTestServer"/> of its own, polls the outbox every
/// 50 ms and retries within a second, so tests see mail promptly. Links lead to https://shop.example.
/// </summary>
public class EmailApiFactory : ShopEaseApiFactory
{
    public const string LinkBaseUrl = "https://shop.example";

    public EmailApiFactory() => Smtp = CreateSmtpServer();

    public SmtpTestServer Smtp { get; }

    /// <summary>Every log entry, the audit trail's included.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>The test server of a subclass, e.g. one that requires a login.</summary>
    protected virtual SmtpTestServer CreateSmtpServer() => new();

    /// <summary>Settings of a subclass, over the mail settings.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    protected sealed override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(MailSettings(Smtp.Port).Concat(MoreSettings));

    public static IReadOnlyDictionary<string, string?> MailSettings(int smtpPort) => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:Timeout"] = "00:00:05",
        ["Email:From"] = "ShopEase <no-reply@shop.example>",
        ["Email:LinkBaseUrl"] = LinkBaseUrl,
        ["Email:PollInterval"] = "00:00:00.050",
        ["Email:RetryDelay"] = "00:00:00.200",
        ["Email:MaxRetryDelay"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Information",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    public override async Task InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
