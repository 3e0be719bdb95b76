using ShopEase.Domain.Sessions;

namespace ShopEase.Domain.UnitTests.Sessions;

public sealed class AuthSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");
    private static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);

    [Fact]
    public void Start_SetsAVersion7Id()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.Id.ShouldNotBe(Guid.Empty);
        session.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Start_BelongsToTheUser()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.UserId.ShouldBe(UserId);
    }

    [Fact]
    public void Start_IsCreatedAndLastUsedNow()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.CreatedAt.ShouldBe(Now);
        session.LastUsedAt.ShouldBe(Now);
    }

    [Fact]
    public void Start_ExpiresAfterTheAbsoluteLifetime()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.ExpiresAt.ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void Start_IsNotRevoked()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.RevokedAt.ShouldBeNull();
    }

    [Fact]
    public void Start_KeepsTheClientDetails()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, "curl/8.5", "203.0.113.7");

        session.UserAgent.ShouldBe("curl/8.5");
        session.IpAddress.ShouldBe("203.0.113.7");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Start_NonPositiveLifetime_Throws(int seconds)
    {
        var exception = Should.Throw<ArgumentOutOfRangeException>(
            () => AuthSession.Start(UserId, Now, TimeSpan.FromSeconds(seconds), null, null));

        exception.ParamName.ShouldBe("absoluteLifetime");
    }

    [Fact]
    public void IsLiveAt_WhenStarted_ReturnsTrue()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.IsLiveAt(Now).ShouldBeTrue();
    }

    [Fact]
    public void IsLiveAt_JustBeforeExpiry_ReturnsTrue()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.IsLiveAt(session.ExpiresAt.AddTicks(-1)).ShouldBeTrue();
    }

    [Fact]
    public void IsLiveAt_AtExpiry_ReturnsFalse()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.IsLiveAt(session.ExpiresAt).ShouldBeFalse();
    }

    [Fact]
    public void IsLiveAt_AfterExpiry_ReturnsFalse()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        session.IsLiveAt(Now.AddDays(31)).ShouldBeFalse();
    }

    [Fact]
    public void RefreshTokenExpiry_WellInsideTheSession_IsNowPlusTheRefreshLifetime()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);
        var later = Now.AddDays(3);

        var expiry = session.RefreshTokenExpiry(later, TimeSpan.FromDays(1));

        expiry.ShouldBe(later.AddDays(1));
    }

    [Fact]
    public void RefreshTokenExpiry_NearTheSessionsEnd_IsCappedAtTheSessionExpiry()
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);
        var lateInSession = Now.AddDays(29).AddHours(12);

        var expiry = session.RefreshTokenExpiry(lateInSession, TimeSpan.FromDays(1));

        expiry.ShouldBe(session.ExpiresAt);
    }

    [Fact]
    public void RefreshTokenExpiry_RefreshLifetimeLongerThanTheSession_IsCappedAtTheSessionExpiry()
    {
        var session = AuthSession.Start(UserId, Now, TimeSpan.FromHours(1), null, null);

        var expiry = session.RefreshTokenExpiry(Now, TimeSpan.FromDays(1));

        expiry.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void RefreshTokenExpiry_EndingExactlyWithTheSession_IsTheSessionExpiry()
    {
        var session = AuthSession.Start(UserId, Now, TimeSpan.FromDays(1), null, null);

        var expiry = session.RefreshTokenExpiry(Now, TimeSpan.FromDays(1));

        expiry.ShouldBe(session.ExpiresAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(45)]
    public void RefreshTokenExpiry_AtAnyPointOfTheSession_NeverGoesBeyondTheSessionExpiry(int daysIn)
    {
        var session = AuthSession.Start(UserId, Now, ThirtyDays, null, null);

        var expiry = session.RefreshTokenExpiry(Now.AddDays(daysIn), TimeSpan.FromDays(7));

        expiry.ShouldBeLessThanOrEqualTo(session.ExpiresAt);
    }
}
