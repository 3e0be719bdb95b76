namespace ShopEase.Application.Passkeys.Models;

/// <summary>The relying party: <c>id</c> is the RP ID every credential is scoped to.</summary>
public sealed record RelyingPartyEntity(string Id, string Name);
