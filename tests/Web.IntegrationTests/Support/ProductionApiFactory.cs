namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The app in the Production environment: the defaults that differ outside Development show here.</summary>
public sealed class ProductionApiFactory : ShopEaseApiFactory
{
    protected override string EnvironmentName => "Production";
}
