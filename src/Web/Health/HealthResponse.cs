using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShopEase.Web.Health;

/// <summary>The body of both health routes: the status, nothing that could help an attacker.</summary>
public sealed record HealthResponse([property: JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))] HealthStatus Status);
