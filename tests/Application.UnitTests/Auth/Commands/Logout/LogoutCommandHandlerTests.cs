using Mediator;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.Logout;

public sealed class LogoutCommandHandlerTests
{
    private static readonly Guid CallerId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public async Task Handle_RevokesTheSessionOfTheTokenForTheCallerAtTheClocksNow()
    {
        RevocationAnswers(true);
        _clock.Advance(TimeSpan.FromMinutes(3));

        await CreateHandler().Handle(new LogoutCommand(CallerId, "refresh-token"), CancellationToken.None);

        await _refreshTokens.Received(1).RevokeSessionOfTokenAsync(
            "refresh-token", CallerId, TestClock.Start.AddMinutes(3), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_StoreRevokedTheSession_ReturnsUnit()
    {
        RevocationAnswers(true);

        var result = await CreateHandler().Handle(new LogoutCommand(CallerId, "refresh-token"), CancellationToken.None);

        result.ShouldBe(Unit.Value);
    }

    [Fact]
    public async Task Handle_StoreRevokedNothing_ThrowsTokenNotValid()
    {
        RevocationAnswers(false);

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new LogoutCommand(CallerId, "refresh-token"), CancellationToken.None).AsTask());
    }

    private void RevocationAnswers(bool revoked) =>
        _refreshTokens
            .RevokeSessionOfTokenAsync(Arg.Any<string>(), Arg.Any<Guid>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(revoked);

    private LogoutCommandHandler CreateHandler() => new(_refreshTokens, _clock, _metrics);
}
