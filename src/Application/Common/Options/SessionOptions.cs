namespace ShopEase.Application.Common.Options;

/// <summary>How long refresh tokens and the sessions they belong to live. Section <c>Jwt</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Jwt";

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Absolute: refreshing never extends a session past this from its login.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);
}
