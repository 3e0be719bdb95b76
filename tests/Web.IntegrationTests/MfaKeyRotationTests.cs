using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ShopEase.Infrastructure.Security;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Rotating Mfa:EncryptionKey: the old key moves to Mfa:PreviousEncryptionKeys, and what it protects
/// keeps working. Both nodes share one database, as before and after a restart with the new settings.
/// </summary>
public sealed class MfaKeyRotationTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task AfterRotation_ASecretAndRecoveryCodesOfThePreviousKey_StillWork()
    {
        var account = await factory.CreateApiClient().RegisterWithTotpAsync(DateTimeOffset.UtcNow);
        await using var rotated = await RotatedNodeAsync();
        var client = rotated.CreateApiClient();

        var byRecoveryCode = await client.LoginMfaAsync(await client.StartMfaLoginAsync(account.Email), recoveryCode: account.RecoveryCodes[0]);
        var byCode = await client.LoginMfaAsync(
            await client.StartMfaLoginAsync(account.Email), MfaClientExtensions.CodeAt(account.Secret, DateTimeOffset.UtcNow.AddSeconds(30)));

        byRecoveryCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        byCode.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AfterRotation_ASecretUsedOnceIsStoredUnderTheNewKey()
    {
        var account = await factory.CreateApiClient().RegisterWithTotpAsync(DateTimeOffset.UtcNow);
        await using var rotated = await RotatedNodeAsync();
        var client = rotated.CreateApiClient();

        await (await client.LoginMfaAsync(
            await client.StartMfaLoginAsync(account.Email), MfaClientExtensions.CodeAt(account.Secret, DateTimeOffset.UtcNow.AddSeconds(30)))).ReadLoginAsync();

        var userId = Guid.Parse(account.Registered.User.Id);
        var keyId = await factory.WithDbContextAsync(db => db.TotpAuthenticators.Where(a => a.UserId == userId).Select(a => a.KeyId).SingleAsync());
        keyId.ShouldBe(SigningKey.Create(_newKey).KeyId);
    }

    [Fact]
    public async Task AfterRotation_ANewSetUpIsWrittenUnderTheNewKey()
    {
        await using var rotated = await RotatedNodeAsync();

        var account = await rotated.CreateApiClient().RegisterWithTotpAsync(DateTimeOffset.UtcNow);

        var userId = Guid.Parse(account.Registered.User.Id);
        var keyIds = await factory.WithDbContextAsync(async db => new[]
        {
            await db.TotpAuthenticators.Where(a => a.UserId == userId).Select(a => a.KeyId).SingleAsync(),
        }.Concat(await db.RecoveryCodes.Where(c => c.UserId == userId).Select(c => c.KeyId).Distinct().ToListAsync()).ToList());
        keyIds.ShouldBe([SigningKey.Create(_newKey).KeyId, SigningKey.Create(_newKey).KeyId]);
    }

    private async Task<PeerNodeApiFactory> RotatedNodeAsync()
    {
        var node = new PeerNodeApiFactory(factory, new Dictionary<string, string?>
        {
            ["Mfa:EncryptionKey"] = _newKey,
            ["Mfa:PreviousEncryptionKeys:0"] = factory.MfaEncryptionKey,
        });
        await node.InitializeAsync();
        return node;
    }
}
