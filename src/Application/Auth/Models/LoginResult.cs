namespace ShopEase.Application.Auth.Models;

/// <summary>What login ends in: a session, or, for an account with a second factor, the challenge for it.</summary>
public sealed record LoginResult(AuthResult? Session, MfaRequiredResult? MfaRequired)
{
    public static LoginResult SignedIn(AuthResult session) => new(session, null);

    public static LoginResult SecondFactorRequired(MfaRequiredResult challenge) => new(null, challenge);
}
