namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The counters of ShopEase's own events, recorded by the handlers where the outcome is known. Every
/// label has a fixed, small set of values, so a counter never grows a series per user, email or IP.
/// </summary>
public interface IShopMetrics
{
    void LoginAttempted(LoginOutcome outcome);

    void SignedUp();

    void RefreshTokenReuseDetected();

    void SessionsRevoked(SessionRevocationReason reason, int count);

    void OrderPlaced();
}
