using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of passkey sign-in: the flow login/options began, and the signed credential.</summary>
public sealed record PasskeyLoginRequest(string? FlowId, AuthenticationCredential? Credential);
