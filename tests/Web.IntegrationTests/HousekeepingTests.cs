using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Sessions;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class HousekeepingTests(HousekeepingTests.SmallBatchApiFactory factory) : IClassFixture<HousekeepingTests.SmallBatchApiFactory>
{
    [Fact]
    public async Task RunOnce_DeletesLongEndedSessionsInBatches_AndKeepsLiveSessionsWithAllTheirTokens()
    {
        var now = DateTimeOffset.UtcNow;
        var user = User.Register(ApiClientExtensions.UniqueEmail(), "AQAAAAIAAzqAAAAAEHh0", now.AddDays(-60));
        var expired = Enumerable.Range(0, 5).Select(_ => AuthSession.Start(user.Id, now.AddDays(-40), TimeSpan.FromDays(30), null, null)).ToList();
        var revokedLongAgo = AuthSession.Start(user.Id, now.AddDays(-5), TimeSpan.FromDays(30), null, null);
        var revokedJustNow = AuthSession.Start(user.Id, now.AddHours(-2), TimeSpan.FromDays(30), null, null);
        var live = AuthSession.Start(user.Id, now.AddHours(-1), TimeSpan.FromDays(30), null, null);
        await factory.WithDbContextAsync(async db =>
        {
            db.Users.Add(user);
            db.Sessions.AddRange([.. expired, revokedLongAgo, revokedJustNow, live]);
            db.RefreshTokens.Add(RefreshToken.Issue(live.Id, RandomHash(), now.AddDays(-3), now.AddDays(-2)));
            db.RefreshTokens.Add(RefreshToken.Issue(live.Id, RandomHash(), now.AddHours(-1), now.AddHours(23)));
            await db.SaveChangesAsync();
            await db.Sessions.Where(s => s.Id == revokedLongAgo.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now.AddDays(-3)));
            await db.Sessions.Where(s => s.Id == revokedJustNow.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now.AddMinutes(-5)));
        });

        var deleted = await factory.Services.GetRequiredService<ExpiredSessionCleanup>().RunOnceAsync(CancellationToken.None);

        var remaining = await factory.WithDbContextAsync(db => db.Sessions.Where(s => s.UserId == user.Id).Select(s => s.Id).ToListAsync());
        remaining.Order().ShouldBe(new[] { revokedJustNow.Id, live.Id }.Order());
        var tokens = await factory.WithDbContextAsync(db => db.RefreshTokens.Where(t => t.SessionId == live.Id).CountAsync());
        tokens.ShouldBe(2, "an old token of a live session must stay, so replaying it is still caught");
        deleted.ShouldBe(6);
    }

    private static byte[] RandomHash() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public sealed class SmallBatchApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Housekeeping:BatchSize"] = "2",
            ["Housekeeping:Period"] = "01:00:00",
        };
    }
}
