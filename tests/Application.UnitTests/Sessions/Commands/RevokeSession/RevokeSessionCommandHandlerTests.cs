using Mediator;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Sessions.Commands.RevokeSession;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Sessions.Commands.RevokeSession;

public sealed class RevokeSessionCommandHandlerTests
{
    private static readonly Guid CallerId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");
    private static readonly Guid SessionId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000a1");

    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public async Task Handle_RevokesTheSessionForTheCallerAtTheClocksNow()
    {
        RepositoryRevokes(true);
        _clock.Advance(TimeSpan.FromMinutes(3));

        await CreateHandler().Handle(new RevokeSessionCommand(CallerId, SessionId), CancellationToken.None);

        await _sessions.Received(1).RevokeAsync(CallerId, SessionId, TestClock.Start.AddMinutes(3), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RepositoryRevokedTheSession_ReturnsUnit()
    {
        RepositoryRevokes(true);

        var result = await CreateHandler().Handle(new RevokeSessionCommand(CallerId, SessionId), CancellationToken.None);

        result.ShouldBe(Unit.Value);
    }

    [Fact]
    public async Task Handle_RepositoryRevokedNothing_ThrowsNotFound()
    {
        RepositoryRevokes(false);

        await Should.ThrowAsync<NotFoundException>(
            () => CreateHandler().Handle(new RevokeSessionCommand(CallerId, SessionId), CancellationToken.None).AsTask());
    }

    private void RepositoryRevokes(bool revoked) =>
        _sessions
            .RevokeAsync(Arg.Any<Guid>(), Arg.Any<Guid>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(revoked);

    private RevokeSessionCommandHandler CreateHandler() => new(_sessions, _clock, _metrics);
}
