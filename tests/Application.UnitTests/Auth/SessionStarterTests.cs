using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth;

public sealed class SessionStarterTests
{
    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);

    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", Joined);
    private AuthSession? _session;
    private DateTimeOffset? _refreshExpiry;

    public SessionStarterTests()
    {
        _refreshTokens
            .StartSessionAsync(
                Arg.Do<AuthSession>(s => _session = s),
                Arg.Do<DateTimeOffset>(e => _refreshExpiry = e),
                Arg.Any<Guid>(),
                Arg.Any<CancellationToken>())
            .Returns("refresh-token");
        _tokenIssuer.IssueAccessToken(Arg.Any<Guid>(), Arg.Any<Guid>()).Returns(new IssuedAccessToken("access-token", 900));
    }

    [Fact]
    public async Task StartAsync_StartsASessionForTheUserAndClientAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(4));

        await CreateStarter(new SessionOptions()).StartAsync(_ann, new ClientInfo("curl/8.5", "203.0.113.7"), CancellationToken.None);

        _session.ShouldNotBeNull();
        _session.UserId.ShouldBe(_ann.Id);
        _session.CreatedAt.ShouldBe(TestClock.Start.AddMinutes(4));
        _session.UserAgent.ShouldBe("curl/8.5");
        _session.IpAddress.ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task StartAsync_SessionLivesForTheConfiguredAbsoluteLifetime()
    {
        var options = new SessionOptions { SessionLifetime = TimeSpan.FromDays(7), RefreshTokenLifetime = TimeSpan.FromHours(1) };

        await CreateStarter(options).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        _session.ShouldNotBeNull();
        _session.ExpiresAt.ShouldBe(TestClock.Start.AddDays(7));
    }

    [Fact]
    public async Task StartAsync_FirstRefreshTokenLivesForTheConfiguredRefreshLifetime()
    {
        var options = new SessionOptions { SessionLifetime = TimeSpan.FromDays(7), RefreshTokenLifetime = TimeSpan.FromHours(1) };

        await CreateStarter(options).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        _refreshExpiry.ShouldBe(TestClock.Start.AddHours(1));
    }

    [Fact]
    public async Task StartAsync_RefreshLifetimeLongerThanTheSession_IsCappedAtTheSessionExpiry()
    {
        var options = new SessionOptions { SessionLifetime = TimeSpan.FromHours(1), RefreshTokenLifetime = TimeSpan.FromDays(1) };

        await CreateStarter(options).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        _refreshExpiry.ShouldBe(TestClock.Start.AddHours(1));
    }

    [Fact]
    public async Task StartAsync_IssuesTheAccessTokenForTheUserAndTheNewSession()
    {
        await CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        _session.ShouldNotBeNull();
        _tokenIssuer.Received(1).IssueAccessToken(_ann.Id, _session.Id);
    }

    [Fact]
    public async Task StartAsync_ReturnsTheStoresRefreshTokenAndTheIssuersAccessTokenAndLifetime()
    {
        var result = await CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        result.Access.ShouldBe("access-token");
        result.Refresh.ShouldBe("refresh-token");
        result.TokenType.ShouldBe("Bearer");
        result.ExpiresIn.ShouldBe(900);
    }

    [Fact]
    public async Task StartAsync_ReturnsTheUserMapped()
    {
        var result = await CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        result.User.ShouldBe(new UserDto(_ann.Id, "ann@shop.io", Joined));
    }

    [Fact]
    public async Task StartAsync_PassesTheCancellationTokenToTheStore()
    {
        using var cancellation = new CancellationTokenSource();

        await CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, cancellation.Token);

        await _refreshTokens.Received(1).StartSessionAsync(Arg.Any<AuthSession>(), Arg.Any<DateTimeOffset>(), Arg.Any<Guid>(), cancellation.Token);
    }

    private SessionStarter CreateStarter(SessionOptions options) =>
        new(_refreshTokens, _tokenIssuer, TestMapper.Instance, _clock, Options.Create(options));

    [Fact]
    public async Task StartAsync_StartsTheSessionOnlyForThePasswordStampTheUserWasCheckedAgainst()
    {
        await CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None);

        await _refreshTokens.Received(1).StartSessionAsync(
            Arg.Any<AuthSession>(), Arg.Any<DateTimeOffset>(), _ann.PasswordStamp, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task StartAsync_WhenThePasswordChangedMeanwhile_ThrowsInvalidCredentialsAndIssuesNoAccessToken()
    {
        _refreshTokens
            .StartSessionAsync(Arg.Any<AuthSession>(), Arg.Any<DateTimeOffset>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns((string?)null);

        await Should.ThrowAsync<InvalidCredentialsException>(() => CreateStarter(new SessionOptions()).StartAsync(_ann, ClientInfo.Unknown, CancellationToken.None));

        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }
}
