namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of login/options: an empty object (or none). Nothing names the account: the authenticator will.</summary>
public sealed record PasskeyLoginOptionsRequest;
