using Microsoft.Extensions.DependencyInjection;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>A second API node on the first one's database and signing key: two instances, one truth.</summary>
public sealed class PeerNodeApiFactory : ShopEaseApiFactory
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public PeerNodeApiFactory(
        ShopEaseApiFactory primary, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        ConnectionString = primary.ConnectionString;
        SigningKey = primary.SigningKey;
        MfaEncryptionKey = primary.MfaEncryptionKey;
        _settings = settings;
        _configureServices = configureServices;
    }

    protected override bool OwnsDatabase => false;

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    protected override void ConfigureServices(IServiceCollection services) => _configureServices?.Invoke(services);
}
