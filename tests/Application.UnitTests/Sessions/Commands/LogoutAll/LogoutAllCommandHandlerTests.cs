using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Sessions.Commands.LogoutAll;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Sessions.Commands.LogoutAll;

public sealed class LogoutAllCommandHandlerTests
{
    private static readonly Guid CallerId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public async Task Handle_RevokesEverySessionOfTheCallerWithoutExceptionAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));

        await CreateHandler().Handle(new LogoutAllCommand(CallerId), CancellationToken.None);

        await _sessions.Received(1).RevokeAllAsync(CallerId, null, TestClock.Start.AddMinutes(3), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_CountsEverySessionItRevoked()
    {
        _sessions.RevokeAllAsync(CallerId, null, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(3);

        await CreateHandler().Handle(new LogoutAllCommand(CallerId), CancellationToken.None);

        _metrics.Received(1).SessionsRevoked(SessionRevocationReason.LogoutAll, 3);
    }

    private LogoutAllCommandHandler CreateHandler() => new(_sessions, _clock, _metrics);
}
