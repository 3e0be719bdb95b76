namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The app in the Development environment, as scripts/run.sh starts it (with the test's signing key).</summary>
public sealed class DevelopmentApiFactory : ShopEaseApiFactory
{
    protected override string EnvironmentName => "Development";
}
