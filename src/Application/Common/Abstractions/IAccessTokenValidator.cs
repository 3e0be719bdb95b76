namespace ShopEase.Application.Common.Abstractions;

public interface IAccessTokenValidator
{
    /// <summary>Signature, algorithm, key id, issuer, audience, lifetime and token type all check out.</summary>
    Task<bool> IsValidAsync(string token, CancellationToken cancellationToken);
}
