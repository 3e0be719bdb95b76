namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The app in an environment and with settings of the test's choosing, on no database of its own:
/// for start-up checks and for a database that cannot be reached.
/// </summary>
public sealed class StandaloneApiFactory(string environmentName, IReadOnlyDictionary<string, string?> settings) : ShopEaseApiFactory
{
    protected override bool OwnsDatabase => false;

    protected override string EnvironmentName => environmentName;

    protected override IReadOnlyDictionary<string, string?> Settings => settings;
}
