using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The checked-in migrations and their snapshot describe the model the code has, so no change of an
/// entity or a configuration reaches a database without its migration (two branches that each added
/// one must leave a snapshot that holds both).
/// </summary>
public sealed class MigrationTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        var pending = await factory.WithDbContextAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        pending.ShouldBeFalse();
    }

    [Fact]
    public async Task Database_HasEveryMigrationApplied()
    {
        var pending = await factory.WithDbContextAsync(db => db.Database.GetPendingMigrationsAsync());

        pending.ShouldBeEmpty();
    }
}
