using NetArchTest.Rules;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Architecture.Tests;

/// <summary>Infrastructure types are reached through Application's interfaces, so they stay internal.</summary>
public sealed class InfrastructureVisibilityTests
{
    // The JWT bearer set-up in Web reads AccessTokenValidator's handler and parameters.
    private static readonly Type[] PublicOnPurpose = [typeof(AccessTokenValidator)];

    // Public today although nothing outside Infrastructure uses it; see the skipped test below.
    // Named by string so that making it internal does not break this file's build.
    private static readonly string[] KnownViolations = [];

    [Theory]
    [InlineData(typeof(IUserRepository), "UserRepository")]
    [InlineData(typeof(ISessionStore), "SessionStore")]
    [InlineData(typeof(IPasswordHasher), "GatedPasswordHasher")]
    [InlineData(typeof(ITokenIssuer), "JwtTokenIssuer")]
    [InlineData(typeof(IProductRepository), "ProductRepository")]
    [InlineData(typeof(ICartRepository), "CartRepository")]
    [InlineData(typeof(IOrderRepository), "OrderRepository")]
    [InlineData(typeof(ITotpAuthenticatorRepository), "TotpAuthenticatorRepository")]
    [InlineData(typeof(IRecoveryCodeStore), "RecoveryCodeStore")]
    [InlineData(typeof(IMfaChallengeStore), "MfaChallengeStore")]
    [InlineData(typeof(ITotpSecretProtector), "AesGcmTotpSecretProtector")]
    [InlineData(typeof(IQrCodeRenderer), "QrCoderSvgRenderer")]
    [InlineData(typeof(IEmailTokenStore), "EmailTokenStore")]
    [InlineData(typeof(IEmailOutbox), "EmailOutbox")]
    [InlineData(typeof(IMailTransport), "SmtpMailTransport")]
    [InlineData(typeof(IPasswordResetRequests), "PasswordResetRequestStore")]
    [InlineData(typeof(IAccountRateLimiter), "AccountRateLimiter")]
    public void Implementation_OfAnApplicationAbstraction_IsNotPublic(Type abstraction, string implementationName)
    {
        var implementation = Types.InAssembly(Layers.Infrastructure)
            .That().ImplementInterface(abstraction)
            .GetTypes()
            .ShouldHaveSingleItem();

        implementation.Name.ShouldBe(implementationName);
        implementation.IsVisible.ShouldBeFalse();
    }

    [Fact]
    public void EveryImplementationOfAnApplicationInterface_IsNotPublicUnlessAllowed()
    {
        var exposed = ExposedImplementations().Where(name => !KnownViolations.Contains(name));

        exposed.ShouldBeEmpty();
    }

    [Fact]
    public void SessionLivenessCache_IsNotPublic()
    {
        var exposed = ExposedImplementations();

        exposed.ShouldNotContain("ShopEase.Infrastructure.Sessions.SessionLivenessCache");
    }

    private static IEnumerable<string?> ExposedImplementations() =>
        Layers.Infrastructure.GetTypes()
            .Where(t => t.IsVisible && !PublicOnPurpose.Contains(t))
            .Where(t => t.GetInterfaces().Any(i => i.Namespace?.StartsWith(Layers.ApplicationNamespace, StringComparison.Ordinal) == true))
            .Select(t => t.FullName);
}
