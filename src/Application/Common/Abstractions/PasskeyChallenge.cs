namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// A ceremony begun and not yet finished: the challenge sent to the browser and the relying party's
/// state (the options it sent), kept in the database so that any node can finish it, once.
/// </summary>
public sealed record PasskeyChallenge(
    Guid Id, PasskeyCeremony Ceremony, Guid? UserId, byte[] Challenge, string State, DateTimeOffset ExpiresAt);
