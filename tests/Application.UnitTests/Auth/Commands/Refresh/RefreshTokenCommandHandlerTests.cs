using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth.Commands.Refresh;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.Refresh;

public sealed class RefreshTokenCommandHandlerTests
{
    private const string OldRefresh = "old-refresh-token";
    private const string NewRefresh = "new-refresh-token";

    private static readonly Guid SessionId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000aa");
    private static readonly TimeSpan RefreshLifetime = TimeSpan.FromHours(2);

    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly RecordingLogger<RefreshTokenCommandHandler> _logger = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-10));

    public RefreshTokenCommandHandlerTests()
    {
        _tokenIssuer.IssueAccessToken(_ann.Id, SessionId).Returns(new IssuedAccessToken("access-for-session", 900));
    }

    [Fact]
    public async Task Handle_RotatesWithTheTokenTheClocksNowAndTheConfiguredRefreshLifetime()
    {
        RotationAnswers(RefreshRotation.Rotated(_ann.Id, SessionId, NewRefresh));
        _clock.Advance(TimeSpan.FromMinutes(7));

        await CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None);

        await _refreshTokens.Received(1).RotateAsync(
            OldRefresh, TestClock.Start.AddMinutes(7), RefreshLifetime, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_Rotated_ReturnsAnAccessTokenForThatSessionAndTheStoresNewRefreshToken()
    {
        RotationAnswers(RefreshRotation.Rotated(_ann.Id, SessionId, NewRefresh));

        var pair = await CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None);

        pair.ShouldBe(new TokenPair("access-for-session", NewRefresh, "Bearer", 900));
        _tokenIssuer.Received(1).IssueAccessToken(_ann.Id, SessionId);
    }

    [Fact]
    public async Task Handle_Rejected_ThrowsTokenNotValid()
    {
        RotationAnswers(RefreshRotation.Rejected);

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_Rejected_IssuesNoAccessToken()
    {
        RotationAnswers(RefreshRotation.Rejected);

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_ReuseDetected_ThrowsTokenNotValid()
    {
        RotationAnswers(RefreshRotation.ReuseDetected(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_ReuseDetected_CountsTheReuseAndTheRevokedSession()
    {
        RotationAnswers(RefreshRotation.ReuseDetected(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        _metrics.Received(1).RefreshTokenReuseDetected();
        _metrics.Received(1).SessionsRevoked(SessionRevocationReason.TokenReuse, 1);
    }

    [Fact]
    public async Task Handle_ReuseDetected_IssuesNoAccessToken()
    {
        RotationAnswers(RefreshRotation.ReuseDetected(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_ReuseDetected_LogsAWarningNamingTheSessionAndUser()
    {
        RotationAnswers(RefreshRotation.ReuseDetected(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.EventId.Id.ShouldBe(1201);
        entry.Message.ShouldBe($"Refresh token reuse detected: session {SessionId} of user {_ann.Id} revoked");
    }

    [Fact]
    public async Task Handle_SpentWithinGrace_ThrowsTokenNotValidAndIssuesNoAccessToken()
    {
        RotationAnswers(RefreshRotation.SpentWithinGrace(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_SpentWithinGrace_LogsThatTheSessionWasKept()
    {
        RotationAnswers(RefreshRotation.SpentWithinGrace(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.EventId.Id.ShouldBe(1202);
        entry.Message.ShouldContain(SessionId.ToString());
    }

    [Fact]
    public async Task Handle_ReuseDetected_NeverLogsTheRefreshToken()
    {
        RotationAnswers(RefreshRotation.ReuseDetected(_ann.Id, SessionId));

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        _logger.Entries.ShouldAllBe(e => !e.Message.Contains(OldRefresh));
    }

    [Fact]
    public async Task Handle_RotatedForAnActiveUser_RevokesNothing()
    {
        RotationAnswers(RefreshRotation.Rotated(_ann.Id, SessionId, NewRefresh));

        await CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None);

        await _refreshTokens.DidNotReceiveWithAnyArgs().RevokeSessionAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_SessionRefreshedTooOften_ThrowsRateLimitedWithTheStoresWait()
    {
        RotationAnswers(RefreshRotation.RateLimited(TimeSpan.FromSeconds(42)));

        var error = await Should.ThrowAsync<RateLimitedException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh), CancellationToken.None).AsTask());

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(42));
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_TokenOfAnotherSessionThanRequired_ThrowsSessionMismatch()
    {
        RotationAnswers(RefreshRotation.WrongSession);

        await Should.ThrowAsync<SessionMismatchException>(
            () => CreateHandler().Handle(new RefreshTokenCommand(OldRefresh, Guid.NewGuid()), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_PassesTheRequiredSessionToTheStore()
    {
        var required = Guid.NewGuid();
        RotationAnswers(RefreshRotation.Rotated(_ann.Id, SessionId, NewRefresh));

        await CreateHandler().Handle(new RefreshTokenCommand(OldRefresh, required), CancellationToken.None);

        await _refreshTokens.Received(1).RotateAsync(
            OldRefresh, Arg.Any<DateTimeOffset>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>(), required);
    }

    private void RotationAnswers(RefreshRotation rotation) =>
        _refreshTokens
            .RotateAsync(Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>(), Arg.Any<Guid?>())
            .Returns(rotation);

    private RefreshTokenCommandHandler CreateHandler() =>
        new(_refreshTokens, _tokenIssuer, _clock,
            Options.Create(new SessionOptions { RefreshTokenLifetime = RefreshLifetime, SessionLifetime = TimeSpan.FromDays(10) }),
            _metrics,
            _logger);
}
