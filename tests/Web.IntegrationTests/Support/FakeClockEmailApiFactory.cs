using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Mail on, with a clock the test moves: token lifetimes without waiting.</summary>
public sealed class FakeClockEmailApiFactory : EmailApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(Clock);
    }
}
