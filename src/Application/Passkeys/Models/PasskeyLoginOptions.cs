namespace ShopEase.Application.Passkeys.Models;

/// <summary>The start of a passkey sign-in: send <see cref="FlowId"/> back with the signed credential.</summary>
public sealed record PasskeyLoginOptions(string FlowId, RequestOptions Options);
