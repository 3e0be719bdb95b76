namespace ShopEase.Application.Passkeys.Models;

/// <summary><c>alg</c> is a COSE algorithm: -7 ES256, -257 RS256.</summary>
public sealed record CredentialParameters(string Type, int Alg);
