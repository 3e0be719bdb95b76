using System.Text.Json.Serialization;

namespace ShopEase.Application.Passkeys.Models;

public sealed record AttestationResponse(
    [property: JsonPropertyName("clientDataJSON")] string? ClientDataJson,
    string? AttestationObject);
