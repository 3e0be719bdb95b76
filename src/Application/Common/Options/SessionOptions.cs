namespace ShopEase.Application.Common.Options;

/// <summary>How long refresh tokens and the sessions they belong to live. Section <c>Jwt</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Jwt";

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Absolute: refreshing never extends a session past this from its login.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after its rotation a spent refresh token is refused without ending its session: two tabs
    /// sharing one cookie refresh at once, and the one that lost must not log the user out. Presented
    /// later, a spent token is taken for theft and revokes the session.
    /// </summary>
    public TimeSpan RefreshTokenReuseGrace { get; set; } = TimeSpan.FromSeconds(10);
}
