using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class DataSourceSettingsTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public void DataSource_ByDefault_KeepsPreparedStatementsAndSkipsTheResetOnEveryOpen()
    {
        var settings = SettingsOf(factory);

        settings.MaxAutoPrepare.ShouldBe(64);
        settings.NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void DataSource_ConnectionStringAsksForTheReset_ConnectionStringWins()
    {
        using var withReset = factory.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Default", factory.ConnectionString + ";No Reset On Close=false;Max Auto Prepare=0"));

        var settings = SettingsOf(withReset);

        settings.NoResetOnClose.ShouldBeFalse();
        settings.MaxAutoPrepare.ShouldBe(0);
    }

    private static NpgsqlConnectionStringBuilder SettingsOf(WebApplicationFactory<Program> app) =>
        new(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
}
