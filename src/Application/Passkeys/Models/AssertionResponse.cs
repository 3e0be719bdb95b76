using System.Text.Json.Serialization;

namespace ShopEase.Application.Passkeys.Models;

public sealed record AssertionResponse(
    [property: JsonPropertyName("clientDataJSON")] string? ClientDataJson,
    string? AuthenticatorData,
    string? Signature,
    string? UserHandle);
