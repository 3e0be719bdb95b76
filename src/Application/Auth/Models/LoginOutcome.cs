namespace ShopEase.Application.Auth.Models;

/// <summary>What login ends in: a session, or, for an account with a second factor, the challenge for it.</summary>
public sealed record LoginOutcome(AuthResult? Session, MfaRequiredResult? MfaRequired)
{
    public static LoginOutcome SignedIn(AuthResult session) => new(session, null);

    public static LoginOutcome SecondFactorRequired(MfaRequiredResult challenge) => new(null, challenge);
}
